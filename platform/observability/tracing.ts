import {
  context,
  isSpanContextValid,
  propagation,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** One tracer for all of One Window; each process names itself in its resource. */
export const tracer = trace.getTracer('one-window');

export interface Tracing {
  shutdown: () => Promise<void>;
}

/**
 * Starts OpenTelemetry for this process when OTEL_EXPORTER_OTLP_ENDPOINT is set (spans go there
 * over OTLP/HTTP), or when a test hands its own span processor. Otherwise nothing is recorded and
 * the API calls below cost next to nothing. No resource detectors run: they would probe cloud
 * metadata addresses, and a government data centre's services call out to nothing unasked.
 */
export function startTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
  spanProcessor?: SpanProcessor,
): Tracing | null {
  if (!spanProcessor && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    autoDetectResources: false,
    resourceDetectors: [],
    spanProcessors: [spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter())],
    instrumentations: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** The active trace's id, for logs; empty when nothing is traced. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** Runs `work` in a span that ends with it, marked as an error if it throws. */
export async function inSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      // The kind of failure only: messages may quote a caller's input or another service's answer.
      const failure = error as { reason?: string; code?: unknown; name?: string };
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: failure.reason ?? (typeof failure.code === 'string' ? failure.code : failure.name),
      });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** W3C trace context (traceparent) of the active span, to send with an outgoing request. */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The trace context an incoming request carries, as the parent of the span serving it. */
export function incomingTraceContext(headers: Record<string, string | string[] | undefined>) {
  return propagation.extract(context.active(), headers);
}
