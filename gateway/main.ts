import { signingKeyFromPem } from '../platform/caller-header';
import { stopOnSignals } from '../platform/signals';
import { devPublicKey } from './auth/dev-trust';
import { createTokenVerifier } from './auth/token-verifier';
import { GatewayConfig, gatewayConfig } from './config';
import { startGateway } from './gateway';

/** The gateway process: `node dist/gateway/main.js`, on GATEWAY_PORT (4000). */
async function main(): Promise<void> {
  const config = gatewayConfig();
  const gateway = await startGateway({
    port: config.port,
    host: config.host,
    supergraphFile: config.supergraphFile,
    subgraphUrls: config.subgraphUrls,
    verifyToken: await tokenVerifier(config),
    callerSigningKey: await signingKeyFromPem(config.callerSigningKey),
    auditServiceUrl: config.subgraphUrls.audit,
    limits: config.limits,
    rateLimits: config.rateLimits,
    exposure: config.exposure,
  });
  console.log(
    `[gateway] One Window is ready at ${gateway.url}${config.exposure.sandbox ? ' (open it in a browser for Apollo Sandbox)' : ''}`,
  );
  stopOnSignals(gateway.stop);
}

/** The identity provider's JWKS in production; the local development key otherwise. */
async function tokenVerifier({ token, devKeysDir }: GatewayConfig) {
  if (token.jwksUrl) return createTokenVerifier(token);
  console.log('[gateway] trusting the local development key (set ONE_WINDOW_JWKS_URL in production)');
  return createTokenVerifier({ ...token, publicKey: await devPublicKey(devKeysDir) });
}

main().catch((error: unknown) => {
  console.error('[gateway] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
