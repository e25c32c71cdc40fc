import { loadOrCreateDevKeys } from '../gateway/auth/dev-keys';
import { mintToken } from '../gateway/auth/mint-token';
import { tokenSettings } from '../gateway/auth/token-verifier';
import { Role, ROLES } from '../subgraphs/kit/access/caller';
import { commandLineOption as option } from '../subgraphs/kit/config';

/**
 * `npm run token -- --sub <id> --role <applicant|representative|officer|partner> --scope "<scopes>" [--ttl 15m]`
 * prints a development token the local gateway accepts (signed with the key in .one-window/keys).
 */
async function main(): Promise<void> {
  const subject = option('sub');
  const role = option('role') as Role | undefined;
  if (!subject || !role || !ROLES.includes(role)) {
    throw new Error(`usage: npm run token -- --sub <id> --role <${ROLES.join('|')}> --scope "<scopes>" [--ttl 15m] [--client <id>]`);
  }
  const { privateKey, kid } = await loadOrCreateDevKeys();
  const { issuer, audience } = tokenSettings();
  const scopes = (option('scope') ?? '').split(/\s+/).filter(Boolean);
  process.stdout.write(`${await mintToken(privateKey, kid, { subject, role, scopes, ttl: option('ttl'), clientId: option('client'), issuer, audience })}\n`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
