import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';

export interface CheckResult {
  ok: boolean;
  /** Why not, in an operator's words; never a caller's data. */
  detail?: string;
}

/** Readiness checks by name; each is given a second at most. */
export type ReadinessChecks = Record<string, () => Promise<CheckResult>>;

export interface OperationalRoutes {
  /** Each must pass for the process to be ready. */
  checks: ReadinessChecks;
  /** Reported, but not gating: a failure makes the process "degraded", still ready (200). */
  informational?: ReadinessChecks;
  metrics: Registry;
}

const CHECK_TIMEOUT_MS = 1_000;
/** Probes from several load balancers within this long share one round of checks. */
const READINESS_TTL_MS = 1_000;

async function runCheck(check: () => Promise<CheckResult>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check().catch((error: unknown) => ({ ok: false, detail: (error as Error).message })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(body));
}

async function runChecks(checks: ReadinessChecks = {}): Promise<Record<string, CheckResult>> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => runCheck(checks[name])));
  return Object.fromEntries(names.map((name, i) => [name, results[i]]));
}

interface Readiness {
  status: 'ready' | 'degraded' | 'not ready';
  checks: Record<string, CheckResult>;
  informational?: Record<string, CheckResult>;
}

const readinessRounds = new WeakMap<OperationalRoutes, { at: number; round: Promise<Readiness> }>();

/** One round of checks at a time, reused for a second: a probe storm costs what one probe does. */
function readiness(routes: OperationalRoutes): Promise<Readiness> {
  const last = readinessRounds.get(routes);
  if (last && Date.now() - last.at < READINESS_TTL_MS) return last.round;
  const round = (async (): Promise<Readiness> => {
    const [checks, informational] = await Promise.all([
      runChecks(routes.checks),
      runChecks(routes.informational),
    ]);
    const ready = Object.values(checks).every((result) => result.ok);
    const whole = Object.values(informational).every((result) => result.ok);
    return {
      status: !ready ? 'not ready' : whole ? 'ready' : 'degraded',
      checks,
      ...(routes.informational ? { informational } : {}),
    };
  })();
  readinessRounds.set(routes, { at: Date.now(), round });
  return round;
}

/** The paths an admin port serves; the API port answers 404 there. */
export const OPERATIONAL_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/**
 * GET /health (the process is alive and serving HTTP), GET /ready (it can answer: every check
 * passes; 503 with the failing ones otherwise) and GET /metrics (Prometheus). Returns false for
 * any other request.
 */
async function serveOperationalRoute(
  routes: OperationalRoutes,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  if (request.method !== 'GET') return false;
  const path = (request.url ?? '/').split('?')[0];
  if (path === '/health') {
    sendJson(response, 200, { status: 'alive' });
    return true;
  }
  if (path === '/ready') {
    const answer = await readiness(routes);
    sendJson(response, answer.status === 'not ready' ? 503 : 200, answer);
    return true;
  }
  if (path === '/metrics') {
    response.statusCode = 200;
    response.setHeader('content-type', routes.metrics.contentType);
    response.end(await routes.metrics.metrics());
    return true;
  }
  return false;
}

/** Where a listening server is reached, an IPv6 address in brackets. */
export function listeningUrl(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
}

export interface AdminPort {
  port: number;
  /** Loopback unless an operator opens it to the monitoring network (ONE_WINDOW_ADMIN_HOST). */
  host?: string;
}

export interface ServedAdmin {
  url: string;
  close: () => Promise<void>;
}

/**
 * The operational routes on a port of their own, loopback by default: what they tell (operation
 * names, breaker states, audit failures, heap size) is for the people who run the process, not
 * for the callers of its API. Anything else there is 404.
 */
export async function serveAdmin(routes: OperationalRoutes, admin: AdminPort): Promise<ServedAdmin> {
  const server = createServer((request, response) => {
    void serveOperationalRoute(routes, request, response).then(
      (served) => {
        if (!served) sendJson(response, 404, { error: 'not found' });
      },
      (error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { error: (error as Error).name });
        else response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(admin.port, admin.host ?? '127.0.0.1', resolve));
  return {
    url: listeningUrl(server),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
