import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What One Window's callers read of an answer: the parts of the WHATWG Response they use, and no streams. */
export interface HttpResponse {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/**
 * Kept-alive connections to each service, reused across requests; an idle one is closed before
 * the server's announced keep-alive time-out (a second before it, or after the agent's own
 * minute if that is sooner: 60 s against One Window's services, which announce 65 s), so a reused
 * connection is not one the server is closing. Node's agent reads the announcement only when it
 * has a `timeout` of its own. On a call in flight that timeout only emits an event nobody
 * listens to: calls end on their deadline's abort signal (platform/resilience/call-guard.ts).
 * LIFO keeps the warmest connections busy.
 */
const AGENT_OPTIONS = { keepAlive: true, timeout: 60_000, maxSockets: 128, scheduling: 'lifo' as const };
const agents = { 'http:': new Agent(AGENT_OPTIONS), 'https:': new HttpsAgent(AGENT_OPTIONS) };

/**
 * A POST or GET over node:http on the kept-alive agents: a service call without the WHATWG
 * fetch's web streams, Request objects and per-call abort bookkeeping, which took a fifth of the
 * gateway's CPU under load (BENCHMARKS.md). Resolves when the whole body has arrived; `signal`
 * aborts it, as fetch's does (the error's name is AbortError); network errors keep their `code`.
 */
export function httpFetch(url: string, init: HttpRequestInit = {}): Promise<HttpResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : request;
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const outgoing = send(
      target,
      {
        method: init.method ?? 'GET',
        agent: agents[target.protocol as keyof typeof agents],
        headers: body ? { ...init.headers, 'content-length': String(body.length) } : init.headers,
        signal: init.signal,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve(
            answer(url, incoming.statusCode ?? 0, incoming.statusMessage ?? '', incoming.headers, chunks),
          ),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function answer(
  url: string,
  status: number,
  statusText: string,
  headers: IncomingHttpHeaders,
  chunks: Buffer[],
): HttpResponse {
  const bytes = Buffer.concat(chunks);
  const text = () => Promise.resolve(bytes.toString('utf8'));
  return {
    url,
    status,
    statusText,
    ok: status >= 200 && status < 300,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text,
    json: () => text().then((content) => JSON.parse(content) as unknown),
  };
}
