import { loadOrCreateDevKeys } from './tools/dev-keys';
import { mintToken } from './tools/mint-token';
import { tokenSettings } from '../gateway/auth/token-verifier';
import { Role, ROLES } from '../platform/caller';
import { commandLine } from './tools/command-line';

/**
 * `npm run token -- --sub <id> --role <applicant|representative|officer|partner> --scope "<scopes>" [--ttl 15m]`
 * prints a development token the local gateway accepts (signed with the key in .one-window/keys).
 */
async function main(): Promise<void> {
  const usage = `npm run token -- --sub <id> --role <${ROLES.join('|')}> --scope "<scopes>" [--ttl 15m] [--client <id>]`;
  const options = commandLine(
    {
      sub: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      ttl: { type: 'string' },
      client: { type: 'string' },
    },
    usage,
  );
  const role = options.role as Role | undefined;
  if (!options.sub || !role || !ROLES.includes(role)) throw new Error(`usage: ${usage}`);
  const { privateKey, kid } = await loadOrCreateDevKeys();
  const { issuer, audience } = tokenSettings();
  const scopes = (options.scope ?? '').split(/\s+/).filter(Boolean);
  const token = await mintToken(privateKey, kid, {
    subject: options.sub,
    role,
    scopes,
    ttl: options.ttl,
    clientId: options.client,
    issuer,
    audience,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
