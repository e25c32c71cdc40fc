import { signingKeyFromPem } from '../platform/caller-header';
import { createLogger } from '../platform/observability/logger';
import { Metrics } from '../platform/observability/metrics';
import { startTracing } from '../platform/observability/tracing';
import { stopOnSignals } from '../platform/signals';
import { devPublicKey } from './auth/dev-trust';
import { createTokenVerifier } from './auth/token-verifier';
import { ExplorerMode, GatewayConfig, gatewayConfig } from './config';
import { sandboxTokenFromParent } from './explorer/sandbox-token';
import { startGateway } from './gateway';

/** The gateway process: `node dist/gateway/main.js`, on GATEWAY_PORT (4000). */
async function main(): Promise<void> {
  const logger = createLogger('gateway');
  const tracing = startTracing('gateway');
  const config = gatewayConfig();
  const gateway = await startGateway({
    port: config.port,
    host: config.host,
    supergraphFile: config.supergraphFile,
    subgraphUrls: config.subgraphUrls,
    subgraphAdminUrls: config.subgraphAdminUrls,
    admin: config.admin,
    verifyToken: await tokenVerifier(config, logger.info.bind(logger)),
    callerSigningKey: await signingKeyFromPem(config.callerSigningKey),
    auditServiceUrl: config.subgraphUrls.audit,
    limits: config.limits,
    rateLimits: config.rateLimits,
    redisUrl: config.redisUrl,
    exposure: { ...config.exposure, sandboxToken: sandboxTokenFromParent(config.exposure.sandboxToken) },
    observability: { logger, metrics: new Metrics('gateway') },
    drainMs: config.drainMs,
    auditOutbox: config.auditOutbox,
  });
  logger.info(
    { url: gateway.url, adminUrl: gateway.adminUrl },
    `One Window is ready at ${gateway.url}${EXPLORER_HINTS[config.exposure.explorer]}`,
  );
  process.send?.({ ready: gateway.url });
  stopOnSignals(
    async () => {
      await gateway.stop();
      await tracing?.shutdown();
    },
    (line) => logger.info(line),
  );
}

const EXPLORER_HINTS: Record<ExplorerMode, string> = {
  sandbox: ' (open it in a browser for Apollo Sandbox; GraphiQL, bundled, at /graphiql)',
  graphiql: ' (open it in a browser for GraphiQL)',
  off: '',
};

/** The identity provider's JWKS in production; the local development key otherwise. */
async function tokenVerifier({ token, devKeysDir }: GatewayConfig, log: (line: string) => void) {
  if (token.jwksUrl) return createTokenVerifier(token);
  log('trusting the local development key (set ONE_WINDOW_JWKS_URL in production)');
  return createTokenVerifier({ ...token, publicKey: await devPublicKey(devKeysDir) });
}

main().catch((error: unknown) => {
  console.error('[gateway] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
