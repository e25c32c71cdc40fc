import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DocumentRequest } from '../trusted-documents';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { ErrorCode, httpStatusOf } from '../errors';
import { Text } from '../language/catalogue';
import { LOCALE, negotiateLanguage } from '../language/language';
import { currentLanguage, inLanguageScope } from '../language/language-scope';
import { platformMessages } from '../messages/catalogue';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { incomingTraceContext, tracer } from '../observability/tracing';
import {
  currentRequest,
  inRequestRecord,
  RequestRecord,
  requestLogger,
} from '../observability/request-record';
import { Logger } from '../observability/logger';
import { Admission } from '../traffic/admission';
import { DEADLINE_HEADER, deadlineOf, remainingMs } from '../resilience/deadline';
import {
  AdminPort,
  listeningUrl,
  OPERATIONAL_PATHS,
  OperationalRoutes,
  serveAdmin,
} from './operational-routes';

/**
 * The HTTP front of the gateway and of every subgraph: plain node:http in front of Apollo
 * Server, so that every failure before GraphQL runs (a body that is not JSON, a body too large)
 * is answered as a GraphQL error with a stable code, never as an HTML page with a stack trace.
 */
export interface ServeOptions<Context> {
  port: number;
  host?: string;
  /** Requests larger than this are refused with 413 before they are read in full. */
  maxBodyBytes?: number;
  context: (request: IncomingMessage) => Promise<Context>;
  /** /health, /ready and /metrics, served on the admin port only. */
  operational: OperationalRoutes;
  admin: AdminPort;
  /**
   * Looks at who sends a request before its body is read: throws a coded GraphQLError to refuse
   * it (a rate limit), so that every request counts, whatever its body turns out to be.
   */
  admitCaller?: (request: IncomingMessage) => Promise<void>;
  /**
   * Looks at the document a request names before anything else runs: throws a coded
   * GraphQLError to refuse it, or returns the text to run for a request that names it by hash.
   */
  admitDocument?: (request: IncomingMessage, document: DocumentRequest) => Promise<string | undefined>;
  /**
   * Admission control: once counted against its caller's rate limit and read whole, a request past
   * the process's limit waits briefly, then is refused with 503 OVERLOADED before any GraphQL work.
   */
  admission?: Admission;
  /**
   * The most a request may take, all its calls included (the gateway's ONE_WINDOW_REQUEST_DEADLINE_MS);
   * a caller's `one-window-deadline-ms` header can only shorten it. Without either, none.
   */
  deadlineMs?: number;
  /** Pages served beside GraphQL (the bundled explorer), before any GraphQL handling. */
  pages?: PageRoutes;
  /** Where faults met while serving are logged. */
  logger: Logger;
  /** Called once per request answered, for its log line and metrics. */
  observe: (record: RequestRecord, status: number, seconds: number) => void;
  /** How long shutdown waits for requests in flight before closing their connections. */
  drainMs?: number;
}

/** Answers a request it serves and says so; leaves every other request to GraphQL. */
export type PageRoutes = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface Served {
  url: string;
  /** Where /health, /ready and /metrics are answered. */
  adminUrl: string;
  /** Stops accepting, lets requests in flight finish (bounded by drainMs), then closes. */
  close: () => Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const DEFAULT_DRAIN_MS = 10_000;

/**
 * Serves one GraphQL request inside a span (continuing the caller's W3C trace context, so a
 * subgraph's spans join the gateway's trace) and a request record, then reports it.
 */
function traced<Context>(
  request: IncomingMessage,
  response: ServerResponse,
  options: ServeOptions<Context>,
  serve: () => Promise<void>,
): Promise<void> {
  const started = process.hrtime.bigint();
  const record: RequestRecord = {
    logger: options.logger,
    deadline: deadlineOf(request.headers[DEADLINE_HEADER], options.deadlineMs),
  };
  return inRequestRecord(record, () =>
    tracer.startActiveSpan(
      'graphql',
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method ?? '' } },
      incomingTraceContext(request.headers),
      async (span) => {
        await serve();
        const status = response.statusCode;
        record.outcome ??= status === 200 ? 'ok' : `HTTP_${status}`;
        span.setAttributes({ 'http.response.status_code': status, 'one_window.outcome': record.outcome });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        options.observe(record, status, Number(process.hrtime.bigint() - started) / 1e9);
      },
    ),
  );
}

export async function serveGraphQL<Context extends BaseContext>(
  server: ApolloServer<Context>,
  options: ServeOptions<Context>,
): Promise<Served> {
  await server.start();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const httpServer = createServer((request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    if (draining) response.setHeader('connection', 'close');
    // Until the caller is known, the request's language is what its Accept-Language prefers.
    const language = negotiateLanguage(request.headers['accept-language']) ?? 'EN';
    void inLanguageScope(language, async () => {
      if (OPERATIONAL_PATHS.has((request.url ?? '/').split('?')[0]))
        return sendError(response, 'NOT_FOUND', platformMessages.text('request.adminOnly'), 404);
      if (options.pages?.(request, response)) return;
      await traced(request, response, options, () =>
        handle(server, options, limit, request, response).catch((error: unknown) => {
          requestLogger().error({ errorName: (error as Error).name }, 'request failed');
          if (!response.headersSent)
            sendError(response, 'INTERNAL_SERVER_ERROR', platformMessages.text('internal'), 500);
          else response.end();
        }),
      );
    });
  });
  // Node's default gives a request five minutes to arrive whole; a slow sender is cut off sooner.
  httpServer.requestTimeout = REQUEST_TIMEOUT_MS;
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) =>
    httpServer.listen(
      { port: options.port, host: options.host ?? '127.0.0.1', backlog: LISTEN_BACKLOG },
      resolve,
    ),
  );
  const admin = await serveAdmin(options.operational, options.admin);
  return {
    url: listeningUrl(httpServer),
    adminUrl: admin.url,
    async close() {
      draining = true;
      // A request sent just before the signal may still be in the kernel's accept queue, or
      // accepted but not yet read: closing the listener at once resets the first, and
      // http.Server's close() treats the second as an idle connection and closes it. So keep
      // accepting for a moment (every answer now says `Connection: close`), then stop accepting
      // and close only the connections that are idle after that.
      await new Promise((resolve) => setTimeout(resolve, ALREADY_SENT_GRACE_MS));
      const closed = new Promise<void>((resolve) =>
        NetServer.prototype.close.call(httpServer, () => resolve()),
      );
      httpServer.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, options.drainMs ?? DEFAULT_DRAIN_MS))),
        ]);
        clearTimeout(timer);
      }
      httpServer.closeAllConnections();
      await closed;
      await server.stop();
      await admin.close();
    },
  };
}

/**
 * Connections the kernel holds until they are accepted: a burst of new callers (a load balancer
 * opening its pool, a portal's users at nine) waits here instead of being reset, as past Node's
 * default of 511 it was. The kernel caps it at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

/**
 * How long an idle connection is kept, announced as `Keep-Alive: timeout=65` (Node holds it a
 * second longer). Node's default, five seconds, is shorter than a load balancer's idle time-out
 * (60 s is the usual default), so a balancer would send requests down connections the gateway is
 * closing; and a caller on a busy machine, whose client closes an idle connection a second before
 * the announced time, could reuse one the server was closing (ECONNRESET, seen in CI).
 */
const KEEP_ALIVE_MS = 65_000;

/** The most a request's headers and body may take to arrive (a 408 after it). */
const REQUEST_TIMEOUT_MS = 30_000;

/** Long enough for requests already on the wire to be read; short beside any drain. */
const ALREADY_SENT_GRACE_MS = 250;

/** Told to an overloaded caller, spread so that refused callers do not all come back at once. */
const overloadedRetryAfterSeconds = () => 1 + Math.floor(Math.random() * 3);

async function handle<Context extends BaseContext>(
  server: ApolloServer<Context>,
  options: ServeOptions<Context>,
  limit: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (options.admitCaller) {
    const refusal = await options.admitCaller(request).then(
      () => null,
      (error: unknown) => coded(error),
    );
    if (refusal) return sendGraphQLError(response, refusal);
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit)
    return sendError(response, 'PAYLOAD_TOO_LARGE', platformMessages.text('request.tooLarge', { limit }));
  const raw = await readBody(request, limit);
  if (raw === GONE) return;
  if (raw === null)
    return sendError(response, 'PAYLOAD_TOO_LARGE', platformMessages.text('request.tooLarge', { limit }));
  if (!options.admission) return run(server, options, request, response, raw);
  // Counted against the caller's rate limit and read whole first: a slow sender holds no place.
  const gone = new AbortController();
  const onClose = () => gone.abort();
  response.once('close', onClose);
  // A string holds up to two bytes a character while it waits.
  const slot = await options.admission.acquire(gone.signal, remainingMs(), 2 * raw.length);
  if (!slot) {
    if (gone.signal.aborted) return;
    response.setHeader('retry-after', String(overloadedRetryAfterSeconds()));
    return sendError(response, 'OVERLOADED', platformMessages.text('request.overloaded'));
  }
  const started = performance.now();
  try {
    await run(server, options, request, response, raw);
  } finally {
    response.off('close', onClose);
    // Only a whole answer delivered teaches the limit how long requests take.
    slot.release(
      !gone.signal.aborted && response.statusCode === 200 ? performance.now() - started : undefined,
    );
  }
}

/** Runs one GraphQL request whose body has been read, and writes its answer. */
async function run<Context extends BaseContext>(
  server: ApolloServer<Context>,
  options: ServeOptions<Context>,
  request: IncomingMessage,
  response: ServerResponse,
  raw: string,
): Promise<void> {
  let body: unknown;
  if (raw.length > 0 && /\bjson\b/i.test(request.headers['content-type'] ?? '')) {
    try {
      body = JSON.parse(raw);
    } catch {
      return sendError(response, 'BAD_REQUEST', platformMessages.text('request.notJson'));
    }
  }
  if (Array.isArray(body)) {
    // Operations are audited and limited one at a time, so each must come in its own request.
    return sendError(response, 'BATCH_TOO_LARGE', platformMessages.text('request.batch'));
  }
  const search = new URL(request.url ?? '/', 'http://localhost').searchParams;
  if (options.admitDocument) {
    const method = request.method?.toUpperCase();
    const document: DocumentRequest =
      method === 'GET'
        ? { query: search.get('query') ?? undefined, extensions: jsonOrNothing(search.get('extensions')) }
        : (body ?? {});
    let query: string | undefined;
    try {
      query = await options.admitDocument(request, document);
    } catch (error) {
      return sendGraphQLError(response, coded(error));
    }
    if (query !== undefined && method === 'GET') search.set('query', query);
    else if (query !== undefined) (body as { query?: string }).query = query;
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: request.method?.toUpperCase() ?? 'GET',
      headers,
      search: search.size ? `?${search.toString()}` : '',
      body,
    },
    context: () => options.context(request),
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.statusCode = statusForMediaType(
      response.statusCode,
      result.headers.get('content-type'),
      result.body.string,
    );
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/**
 * GraphQL over HTTP: a client that asked for `application/graphql-response+json` learns from a
 * 400 that its request was refused before execution (parse, validation, variables, limits); a
 * client that accepts only `application/json` gets those same errors with 200, as the
 * specification asks, because to it any well-formed GraphQL response is a 200. A body that was
 * not a GraphQL request at all (BAD_REQUEST) stays 400 for both.
 */
function statusForMediaType(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith('application/json')) return status;
  const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  const requestErrors =
    parsed.errors?.length &&
    !('data' in parsed) &&
    parsed.errors.every((error) => error.extensions?.code !== 'BAD_REQUEST');
  return requestErrors ? 200 : status;
}

/** The caller closed the connection before its body had come whole: nobody is left to answer. */
const GONE = Symbol('gone');

/** Reads the body as text, or returns null as soon as it passes the limit. */
function readBody(request: IncomingMessage, limit: number): Promise<string | null | typeof GONE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('close', () => {
      if (!request.complete) resolve(GONE);
    });
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A refusal raised as a coded GraphQLError; anything else is a fault, thrown on. */
function coded(error: unknown): GraphQLError {
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return error;
  throw error;
}

/** A refusal raised as a coded GraphQLError, with the status and headers its extensions name. */
function sendGraphQLError(response: ServerResponse, error: GraphQLError): void {
  const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  currentRequest().outcome = String(error.extensions.code);
  response.statusCode = http?.status ?? 400;
  for (const [name, value] of http?.headers ?? []) response.setHeader(name, value);
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-language', LOCALE[currentLanguage()]);
  response.end(
    JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] }),
  );
}

function jsonOrNothing(text: string | null): DocumentRequest['extensions'] {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as DocumentRequest['extensions'];
  } catch {
    return undefined;
  }
}

function sendError(
  response: ServerResponse,
  code: ErrorCode,
  message: Text,
  status = httpStatusOf(code),
): void {
  const language = currentLanguage();
  currentRequest().outcome = code;
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-language', LOCALE[language]);
  response.end(
    JSON.stringify({
      errors: [{ message: message.render(language), extensions: { code } }],
    }),
  );
}
