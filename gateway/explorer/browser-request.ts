import { IncomingMessage } from 'node:http';

/** A browser opening the gateway's own address: a GET (or HEAD) of `/`, without a query, for HTML. */
export function opensLandingPage(request: IncomingMessage): boolean {
  const method = request.method?.toUpperCase();
  const url = new URL(request.url ?? '/', 'http://localhost');
  return (
    (method === 'GET' || method === 'HEAD') &&
    url.pathname === '/' &&
    !url.search &&
    (request.headers.accept ?? '').includes('text/html')
  );
}
