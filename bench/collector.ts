import { createServer } from 'node:http';

/** Stands in for an OpenTelemetry collector: takes OTLP/HTTP posts, counts them, keeps nothing. */
export function startCollector(port: number): Promise<{ batches: () => number; close: () => void }> {
  let batches = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      batches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ batches: () => batches, close: () => server.close() })),
  );
}
