import { IncomingMessage, ServerResponse } from 'node:http';
import { Registry } from 'prom-client';

export interface CheckResult {
  ok: boolean;
  /** Why not, in an operator's words; never a caller's data. */
  detail?: string;
}

/** Readiness checks by name; each is given a second at most. */
export type ReadinessChecks = Record<string, () => Promise<CheckResult>>;

export interface OperationalRoutes {
  checks: ReadinessChecks;
  metrics: Registry;
}

const CHECK_TIMEOUT_MS = 1_000;

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

/**
 * GET /health (the process is alive and serving HTTP), GET /ready (it can answer: every check
 * passes; 503 with the failing ones otherwise) and GET /metrics (Prometheus). Returns false for
 * any other request, which is GraphQL's.
 */
export async function serveOperationalRoute(
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
    const names = Object.keys(routes.checks);
    const results = await Promise.all(names.map((name) => runCheck(routes.checks[name])));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ready = results.every((result) => result.ok);
    sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
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
