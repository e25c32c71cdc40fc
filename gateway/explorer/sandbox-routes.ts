import { GraphQLServerContext } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { PageRoutes } from '../../platform/http/serve-graphql';
import { SANDBOX_OPERATIONS } from '../sandbox/flagship-operations';
import { opensLandingPage } from './browser-request';
import { pageTokenFor, perToken } from './sandbox-token';

/** Apollo's own Sandbox page, on the flagship operations, with the development token if there is one. */
async function sandboxPage(token: string | undefined): Promise<Buffer> {
  const plugin = ApolloServerPluginLandingPageLocalDefault({
    document: SANDBOX_OPERATIONS.document,
    variables: SANDBOX_OPERATIONS.variables,
    embed: { initialState: { sharedHeaders: token ? { Authorization: `Bearer ${token}` } : {} } },
    includeCookies: false,
  });
  // The landing-page plugin reads nothing of the server it is given: it only writes a page.
  const listener = await plugin.serverWillStart?.({} as GraphQLServerContext);
  const page = await listener?.renderLandingPage?.();
  if (!page) throw new Error("Apollo's landing-page plugin wrote no page");
  return Buffer.from(typeof page.html === 'string' ? page.html : await page.html());
}

/**
 * Apollo Sandbox for a browser opening the gateway's address. Served here rather than by Apollo
 * Server, because the page may carry the development token: it is written with the token
 * current when asked for (`npm start` renews it), only to a browser on this machine, and never
 * kept by a cache.
 */
export function sandboxRoutes(token: (() => string | undefined) | undefined): PageRoutes {
  const pageWith = perToken(sandboxPage);
  return (request, response) => {
    if (!opensLandingPage(request)) return false;
    void pageWith(pageTokenFor(request, token)).then(
      (page) => {
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': page.length,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
          'x-content-type-options': 'nosniff',
        });
        response.end(request.method?.toUpperCase() === 'HEAD' ? undefined : page);
      },
      () => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Apollo Sandbox could not be shown. / Apollo Sandbox n’a pas pu être affiché.');
      },
    );
    return true;
  };
}
