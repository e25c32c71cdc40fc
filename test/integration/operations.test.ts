import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import path from 'node:path';
import { Writable } from 'node:stream';
import { CLIENT_FILE } from '../../bench/flagship-queries';
import { createLogger } from '../../platform/observability/logger';
import { Metrics } from '../../platform/observability/metrics';
import { startTracing, Tracing } from '../../platform/observability/tracing';
import { SUPERGRAPH_SDL } from '../../platform/supergraph-config';
import { loadDefinition } from '../../subgraphs/kit/load-definition';
import { Federation, postQuery, startFederation } from '../fixtures/federation';

/** What operators rely on: health and readiness, metrics, traces, logs, and reloading the supergraph. */
const UCI = '1234-5678';
const spans = new InMemorySpanExporter();
const logLines: string[] = [];
let tracing: Tracing | null;
let federation: Federation;
let folder: string;
let supergraphFile: string;
let applicant: string;

const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
/** The request's line is written just after its answer is sent. */
async function requestLine(): Promise<Record<string, unknown>> {
  for (let tries = 0; tries < 50; tries++) {
    const line = logged().find((entry) => entry.msg === 'request');
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no request line was logged');
}
/** A sample's value, whatever order its labels are printed in. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith(`${name}{`) &&
        Object.entries(labels).every(([label, value]) => candidate.includes(`${label}="${value}"`)),
    );
  return line === undefined ? undefined : Number(line.split(' ').pop());
}
const get = async (url: string, route: string) => {
  const response = await fetch(new URL(route, url));
  return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
  tracing = startTracing('one-window-test', {}, new SimpleSpanProcessor(spans));
  folder = mkdtempSync(path.join(tmpdir(), 'one-window-supergraph-'));
  supergraphFile = path.join(folder, 'supergraph.graphql');
  copyFileSync(SUPERGRAPH_SDL, supergraphFile);
  const logger = createLogger(
    'gateway',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    }),
  );
  logger.level = 'info';
  federation = await startFederation(undefined, {
    supergraphFile,
    observability: { logger, metrics: new Metrics('gateway') },
  });
  applicant = await federation.identity.token({ role: 'applicant', subject: UCI });
});

afterAll(async () => {
  await federation?.stop();
  await tracing?.shutdown();
  rmSync(folder, { recursive: true, force: true });
});

describe('traces', () => {
  it('follow one request from the caller through the gateway to every subgraph and its SQL', async () => {
    spans.reset();
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { body } = await postQuery(federation.gatewayUrl, CLIENT_FILE, { uci: UCI }, applicant, {
      traceparent: `00-${callerTrace}-00f067aa0ba902b7-01`,
    });
    expect(body.errors).toBeUndefined();
    const all: ReadableSpan[] = spans
      .getFinishedSpans()
      .filter((span) => span.spanContext().traceId === callerTrace);
    const byId = new Map(all.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');
    const service = (span: ReadableSpan) => span.resource.attributes['service.name'];

    const fetches = all.filter((span) => span.name.startsWith('fetch '));
    expect(new Set(fetches.map((span) => span.name))).toEqual(
      new Set(['fetch ircc-case', 'fetch cbsa-border', 'fetch atip']),
    );
    // Apollo Gateway's own spans (gateway.request, .execute, .fetch) sit between ours.
    const ancestors = (span: ReadableSpan): ReadableSpan[] => {
      const parent = parentOf(span);
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    const gatewayRequest = ancestors(fetches[0]).find((span) => span.name === 'graphql')!;
    expect(gatewayRequest.name).toBe('graphql');
    expect(gatewayRequest.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(gatewayRequest.attributes).toMatchObject({ 'graphql.operation.name': 'ClientFile' });
    expect(service(gatewayRequest)).toBe('one-window-test');

    // Each subgraph's request span is a child of the gateway's fetch from it, through traceparent.
    const served = all.filter((span) => span.name === 'graphql' && fetches.includes(parentOf(span)!));
    expect(served.length).toBeGreaterThanOrEqual(3);
    const sql = all.filter((span) => span.name === 'sql');
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) {
      expect(String(statement.attributes['db.query.text'])).not.toContain(UCI);
    }
    // Every SQL span sits under a subgraph's request span (one asked by the gateway or by another subgraph).
    const underRequest = (span: ReadableSpan) =>
      ancestors(span).some((ancestor) => ancestor.name === 'graphql' && ancestor !== gatewayRequest);
    expect(sql.every(underRequest)).toBe(true);
  });
});

describe('logs', () => {
  it('give each request one JSON line with its audit id, trace, operation, role, duration and outcome, and nothing personal', async () => {
    logLines.length = 0;
    await postQuery(federation.gatewayUrl, CLIENT_FILE, { uci: UCI }, applicant);
    const line = await requestLine();
    expect(line).toMatchObject({
      service: 'gateway',
      operation: 'ClientFile',
      operationType: 'query',
      role: 'applicant',
      status: 200,
      outcome: 'ok',
    });
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof line.durationMs).toBe('number');
    const audited = await federation
      .database('audit')
      .query<{ reader_role: string }>('SELECT reader_role FROM access_event WHERE request_id = $1', [
        line.requestId,
      ]);
    expect(audited).toEqual([{ reader_role: 'applicant' }]);
    const text = logLines.join('\n');
    for (const personal of [UCI, 'Okafor', applicant.slice(-20)]) expect(text).not.toContain(personal);
  });

  it('record a refused request by its code, without its token', async () => {
    logLines.length = 0;
    await postQuery(federation.gatewayUrl, '{ __typename }', undefined, 'not-a-token');
    expect(await requestLine()).toMatchObject({ status: 401 });
    expect(logLines.join('\n')).not.toContain('not-a-token');
  });
});

describe('metrics', () => {
  it('count requests by operation and outcome, and time subgraph fetches and audit writes, on the gateway', async () => {
    await postQuery(federation.gatewayUrl, CLIENT_FILE, { uci: UCI }, applicant);
    const { status, text } = await get(federation.gatewayAdminUrl, '/metrics');
    expect(status).toBe(200);
    const gateway = { service: 'gateway' };
    expect(
      sample(text, 'one_window_requests_total', { ...gateway, operation: 'ClientFile', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'one_window_request_duration_seconds_count', { type: 'query', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'one_window_subgraph_fetch_duration_seconds_count', {
        subgraph: 'ircc-case',
        outcome: 'ok',
      }),
    ).toBeGreaterThan(0);
    expect(sample(text, 'one_window_audit_write_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(
      0,
    );
    expect(sample(text, 'one_window_circuit_breaker_state', { target: 'cbsa-border' })).toBe(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('time SQL statements on each subgraph', async () => {
    const { text } = await get(federation.subgraphAdminUrls['ircc-case'], '/metrics');
    expect(
      sample(text, 'one_window_sql_duration_seconds_count', { service: 'ircc-case', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'one_window_requests_total', { service: 'ircc-case', outcome: 'ok' }),
    ).toBeGreaterThan(0);
  });

  it('label requests only with the names One Window knows; a caller\'s own names are "other", however many it invents', () => {
    const metrics = new Metrics('label-test');
    // Names no document or internal call has ("Unregistered…"), in every shape a caller could send.
    const invented = fc.sample(
      fc.string({ maxLength: 80 }).map((name) => `Unregistered${name}`),
      1_000,
    );
    expect(new Set(invented.map((name) => metrics.operationLabel(name)))).toEqual(new Set(['other']));
    expect(metrics.operationLabel('ClientFile')).toBe('ClientFile');
    expect(metrics.operationLabel('TravelHistory')).toBe('TravelHistory');
    expect(metrics.operationLabel('ClientFile__ircc_case__0')).toBe('ClientFile');
    expect(metrics.operationLabel('RecordAccess')).toBe('RecordAccess');
    expect(metrics.operationLabel('Op0')).toBe('other');
    expect(metrics.operationLabel('Op0__ircc_case__1')).toBe('other');
    expect(metrics.operationLabel('__ClientFile')).toBe('other');
    expect(metrics.operationLabel('not a name')).toBe('other');
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
  });
});

describe('supergraph reload', () => {
  it('refuses an invalid supergraph and keeps serving the old one, then takes a valid one, dropping no request', async () => {
    const original = readFileSync(SUPERGRAPH_SDL, 'utf8');
    const answers: number[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        const { status, body } = await postQuery(federation.gatewayUrl, CLIENT_FILE, { uci: UCI }, applicant);
        answers.push(body.errors ? 500 : status);
      }
    })();
    const messages = () => logged().map((entry) => entry.msg);
    // Until the gateway has said `message` and answered three more requests after it.
    const servedPast = async (message: string) => {
      while (!messages().includes(message)) await new Promise((resolve) => setTimeout(resolve, 20));
      const seen = answers.length;
      while (answers.length < seen + 3) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    logLines.length = 0;
    writeFileSync(supergraphFile, 'type Query { broken');
    await servedPast('supergraph refused; the previous one stays in service');
    writeFileSync(supergraphFile, `${original}\n# re-composed\n`);
    await servedPast('supergraph reloaded');
    running = false;
    await load;
    expect(answers.every((status) => status === 200)).toBe(true);
  });
});

describe('health and readiness', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_100));

  it('say alive and ready on the gateway and every subgraph', async () => {
    expect(await get(federation.gatewayAdminUrl, '/health')).toEqual({
      status: 200,
      text: '{"status":"alive"}',
    });
    const ready = await get(federation.gatewayAdminUrl, '/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ready',
      checks: { supergraph: { ok: true }, audit: { ok: true } },
      informational: { 'ircc-case': { ok: true }, 'cbsa-border': { ok: true }, atip: { ok: true } },
    });
    const audit = await get(federation.subgraphAdminUrls.audit, '/ready');
    expect(JSON.parse(audit.text)).toEqual({
      status: 'ready',
      checks: { store: { ok: true }, writable: { ok: true } },
    });
  });

  it('are answered on the admin port only: the API port, which any caller reaches, says 404', async () => {
    for (const url of [federation.gatewayUrl, federation.subgraphUrls['ircc-case']])
      for (const route of ['/health', '/ready', '/metrics', '/metrics?name[]=x'])
        expect((await get(url, route)).status).toBe(404);
    expect((await get(federation.gatewayAdminUrl, '/graphql')).status).toBe(404);
  });

  it('find the audit trail not writable on a read-only store', async () => {
    const check = loadDefinition('audit').readiness!;
    const result = await federation.database('audit').transaction(async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      return check(tx).writable();
    });
    expect(result).toEqual({ ok: false, detail: 'the access trail cannot be written' });
  });

  it('say the gateway is degraded but still ready when a departmental subgraph is down', async () => {
    await federation.stopSubgraph('cbsa-border');
    await settle();
    const ready = await get(federation.gatewayAdminUrl, '/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({
      status: 'degraded',
      checks: { audit: { ok: true } },
      informational: { 'cbsa-border': { ok: false } },
    });
  });

  it('say the gateway is alive but not ready when the audit trail cannot be written', async () => {
    await federation.stopSubgraph('audit');
    await settle();
    expect((await get(federation.gatewayAdminUrl, '/health')).status).toBe(200);
    const ready = await get(federation.gatewayAdminUrl, '/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'not ready', checks: { audit: { ok: false } } });
  });
});
