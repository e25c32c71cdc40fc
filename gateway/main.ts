import { positiveInteger } from '../subgraphs/kit/config';
import { stopOnSignals } from '../subgraphs/kit/stop-on-signals';
import { callerSigningKey } from '../subgraphs/kit/access/caller-header';
import { exposure } from './exposure';
import { loadOrCreateDevKeys } from './auth/dev-keys';
import { createTokenVerifier, tokenSettings } from './auth/token-verifier';
import { startGateway } from './gateway';
import { subgraphEndpoints, SUPERGRAPH_SDL } from './supergraph/supergraph-config';

/** The gateway process: `node dist/gateway/main.js`, on GATEWAY_PORT (4000). */
async function main(): Promise<void> {
  const subgraphUrls = Object.fromEntries(subgraphEndpoints().map((endpoint) => [endpoint.name, endpoint.url]));
  if (!subgraphUrls.audit) throw new Error('supergraph.yaml must name the audit subgraph: no access is served unaudited');
  const shown = exposure();
  const gateway = await startGateway({
    port: positiveInteger(process.env.GATEWAY_PORT, 4000, 'GATEWAY_PORT'),
    host: process.env.HOST,
    supergraphFile: process.env.ONE_WINDOW_SUPERGRAPH ?? SUPERGRAPH_SDL,
    subgraphUrls,
    verifyToken: await tokenVerifier(),
    callerSigningKey: await callerSigningKey(),
    auditServiceUrl: subgraphUrls.audit,
    exposure: shown,
  });
  console.log(`[gateway] One Window is ready at ${gateway.url}${shown.sandbox ? ' (open it in a browser for Apollo Sandbox)' : ''}`);
  stopOnSignals(gateway.stop);
}

/** The identity provider's JWKS in production; the local development key otherwise. */
async function tokenVerifier() {
  const settings = tokenSettings();
  if (settings.jwksUrl) return createTokenVerifier(settings);
  const { publicKey } = await loadOrCreateDevKeys();
  console.log('[gateway] trusting the local development key (set ONE_WINDOW_JWKS_URL in production)');
  return createTokenVerifier({ ...settings, publicKey });
}

main().catch((error: unknown) => {
  console.error('[gateway] failed to start:', error);
  process.exit(1);
});
