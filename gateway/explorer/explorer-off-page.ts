import { PageRoutes } from '../../platform/http/serve-graphql';
import { opensLandingPage } from './browser-request';

const PAGE = Buffer.from(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>One Window · Guichet unique</title></head>
<body>
<h1>One Window</h1>
<p>A GraphQL API: send operations to this address with <code>POST</code> (<code>content-type: application/json</code>).
The explorer is off on this server; its operator turns it on with <code>ONE_WINDOW_EXPLORER=graphiql</code>
or <code>sandbox</code>.</p>
<h1 lang="fr">Guichet unique</h1>
<p lang="fr">Une API GraphQL&#160;: envoyez les opérations à cette adresse par la méthode <code>POST</code> (<code>content-type: application/json</code>).
L’explorateur est désactivé sur ce serveur; l’exploitant l’active avec <code>ONE_WINDOW_EXPLORER=graphiql</code>
ou <code>sandbox</code>.</p>
</body></html>
`);

/**
 * What a browser opening the gateway's address sees when no explorer is served: that it is off
 * and how it is turned on, in both official languages. Without it, Apollo Server answers the
 * browser's GET with its CSRF refusal (400), which reads as a fault.
 */
export function explorerOffRoutes(): PageRoutes {
  return (request, response) => {
    if (!opensLandingPage(request)) return false;
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': PAGE.length,
      'cache-control': 'no-cache',
      'content-security-policy': "default-src 'none'",
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method?.toUpperCase() === 'HEAD' ? undefined : PAGE);
    return true;
  };
}
