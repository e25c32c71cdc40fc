import { exportJWK, generateKeyPair, importJWK, JWK, KeyLike } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_ALGORITHM, DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE } from '../../gateway/auth/dev-trust';
import { devKeysDir } from '../../gateway/config';

/**
 * The development signing key: an ES256 key pair made on first use and kept outside git
 * (`.one-window/keys/`), so `npm run token` can mint tokens the local gateway accepts. The
 * gateway reads only the public half; in production it reads a JWKS URL instead.
 */
export interface DevKeys {
  kid: string;
  privateKey: KeyLike;
}

export async function loadOrCreateDevKeys(dir = devKeysDir()): Promise<DevKeys> {
  const privateFile = path.join(dir, DEV_PRIVATE_KEY_FILE);
  if (!existsSync(privateFile)) {
    const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
    const jwk = {
      ...(await exportJWK(privateKey)),
      kid: `dev-${Date.now().toString(36)}`,
      alg: DEV_ALGORITHM,
    };
    mkdirSync(dir, { recursive: true });
    writeFileSync(privateFile, JSON.stringify(jwk), { mode: 0o600 });
  }
  const jwk = JSON.parse(readFileSync(privateFile, 'utf8')) as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  writeFileSync(path.join(dir, DEV_PUBLIC_KEY_FILE), JSON.stringify(publicJwk));
  return { kid: jwk.kid, privateKey: (await importJWK(jwk, DEV_ALGORITHM)) as KeyLike };
}
