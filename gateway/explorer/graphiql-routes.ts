import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PageRoutes } from '../../platform/http/serve-graphql';
import { PROJECT_ROOT } from '../../platform/supergraph-config';
import { opensLandingPage } from './browser-request';
import { ExplorerConfig } from './explorer-config';
import { pageTokenFor, perToken } from './sandbox-token';

/** Where `npm run build` leaves the bundle (bin/build-explorer.ts). */
export const EXPLORER_BUNDLE_DIR = path.join(PROJECT_ROOT, 'dist', 'explorer');
export const GRAPHIQL_PATH = '/graphiql';

/**
 * Nothing the page loads or asks may come from anywhere but this gateway: the policy is the
 * proof that the explorer works on a network without the internet. Styles may be inline
 * (CodeMirror positions its editors with style attributes); scripts may not.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** JSON inside a script element: `<` escaped, so no text in it can close the element. */
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function page(config: ExplorerConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>One Window — GraphiQL</title>
<link rel="stylesheet" href="${GRAPHIQL_PATH}/graphiql.css">
</head>
<body style="margin: 0">
<div id="graphiql" style="height: 100vh"></div>
<script type="application/json" id="one-window-explorer">${scriptSafeJson(config)}</script>
<script src="${GRAPHIQL_PATH}/graphiql.js"></script>
</body>
</html>
`;
}

/**
 * The bundled GraphiQL at /graphiql: its page, opening on `tabs` with the development token current
 * when it is asked for (`npm start` renews it; only a browser on this machine gets it), and its
 * script and styles, read once from the build. With `atRoot`, a browser opening the gateway's own
 * address is sent there (the landing page when Sandbox is not wanted).
 */
export function graphiqlRoutes(
  tabs: ExplorerConfig['tabs'],
  token: (() => string | undefined) | undefined,
  atRoot: boolean,
  bundleDir = EXPLORER_BUNDLE_DIR,
): PageRoutes {
  const read = (name: string) => {
    try {
      return readFileSync(path.join(bundleDir, name));
    } catch {
      throw new Error(`the explorer's bundle is missing from ${bundleDir}: run npm run build`);
    }
  };
  // The script and styles are revalidated on every load by their digest: after a deploy a browser
  // never runs the last one's code, and a reload costs a 304, not 1.9 MB.
  const asset = (name: string, type: string) => {
    const body = read(name);
    return {
      body,
      type,
      cache: 'no-cache',
      etag: `"${createHash('sha256').update(body).digest('base64url')}"`,
    };
  };
  const pageWith = perToken((bearer) =>
    Buffer.from(
      page({ tabs, headers: bearer ? JSON.stringify({ Authorization: `Bearer ${bearer}` }, null, 2) : '' }),
    ),
  );
  const assets = new Map<string, { body: Buffer; type: string; cache: string; etag?: string }>([
    [`${GRAPHIQL_PATH}/graphiql.js`, asset('graphiql.js', 'text/javascript; charset=utf-8')],
    [`${GRAPHIQL_PATH}/graphiql.css`, asset('graphiql.css', 'text/css; charset=utf-8')],
  ]);
  return (request, response) => {
    const method = request.method?.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (atRoot && opensLandingPage(request)) {
      response.writeHead(302, { location: GRAPHIQL_PATH });
      response.end();
      return true;
    }
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '');
    const file =
      pathname === GRAPHIQL_PATH
        ? // The page may hold a development token: never kept.
          {
            body: pageWith(pageTokenFor(request, token)),
            type: 'text/html; charset=utf-8',
            cache: 'no-store',
          }
        : assets.get(pathname);
    if (!file) return false;
    const headers = {
      'cache-control': file.cache,
      ...(file.etag ? { etag: file.etag } : {}),
      'content-security-policy': EXPLORER_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (file.etag && request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, headers);
      response.end();
      return true;
    }
    response.writeHead(200, { ...headers, 'content-type': file.type, 'content-length': file.body.length });
    response.end(method === 'HEAD' ? undefined : file.body);
    return true;
  };
}
