import { exportJWK, generateKeyPair, importJWK, JWK, KeyLike } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The development signing key: an ES256 key pair made on first use and kept outside git
 * (`.one-window/keys/`), so `npm run token` can mint tokens the local gateway accepts. In
 * production the gateway reads a JWKS URL instead and never holds a private key.
 */
export interface DevKeys {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
}

export const DEV_ALGORITHM = 'ES256';

export function devKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.ONE_WINDOW_KEYS_DIR ?? path.join('.one-window', 'keys'), 'dev-signing-key.json');
}

export async function loadOrCreateDevKeys(file = devKeyFile()): Promise<DevKeys> {
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: DEV_ALGORITHM };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: jwk.kid,
    privateKey: (await importJWK(jwk, DEV_ALGORITHM)) as KeyLike,
    publicKey: (await importJWK(publicJwk, DEV_ALGORITHM)) as KeyLike,
  };
}
