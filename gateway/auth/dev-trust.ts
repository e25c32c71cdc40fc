import { importJWK, JWK, KeyLike } from 'jose';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The development key pair's files: `npm start` and `npm run token` make them; the gateway reads only the public one. */
export const DEV_ALGORITHM = 'ES256';
export const DEV_PRIVATE_KEY_FILE = 'dev-signing-key.json';
export const DEV_PUBLIC_KEY_FILE = 'dev-public-key.json';

/** The public development key the gateway trusts when no identity provider is configured. */
export async function devPublicKey(dir: string): Promise<KeyLike> {
  const file = path.join(dir, DEV_PUBLIC_KEY_FILE);
  if (!existsSync(file))
    throw new Error(`no development key at ${file}: npm start and npm run token make one`);
  return (await importJWK(JSON.parse(readFileSync(file, 'utf8')) as JWK, DEV_ALGORITHM)) as KeyLike;
}
