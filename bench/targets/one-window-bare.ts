import { signingKeyFromPem } from '../../platform/caller-header';
import { createLogger } from '../../platform/observability/logger';
import { Metrics } from '../../platform/observability/metrics';
import { gatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/gateway';
import { callerOf } from '../signed-callers';

/**
 * One Window's gateway with its token check and audit write taken out, for the benchmark alone
 * (no setting of the product turns them off): the bearer token is read without checking its
 * signature and nothing is recorded. Everything else (scopes, row-level analysis, guards, metrics,
 * logs) is as in production, so the difference to the real gateway is what the two cost.
 */
async function main(): Promise<void> {
  const config = gatewayConfig();
  const gateway = await startGateway({
    port: config.port,
    supergraphFile: config.supergraphFile,
    subgraphUrls: config.subgraphUrls,
    verifyToken: async (authorization) => callerOf(authorization ?? ''),
    callerSigningKey: await signingKeyFromPem(config.callerSigningKey),
    auditServiceUrl: config.subgraphUrls.audit,
    audit: async () => undefined,
    limits: config.limits,
    rateLimits: config.rateLimits,
    exposure: { explorer: config.exposure.explorer, introspection: config.exposure.introspection },
    observability: { logger: createLogger('gateway'), metrics: new Metrics('gateway') },
  });
  process.send?.({ ready: gateway.url });
}

main().catch((error: unknown) => {
  console.error('[bare gateway] failed to start:', error);
  process.exit(1);
});
