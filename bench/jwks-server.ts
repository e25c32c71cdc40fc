import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import path from 'node:path';
import { DEV_PUBLIC_KEY_FILE } from '../gateway/auth/dev-trust';
import { devKeysDir } from '../gateway/config';

/**
 * Serves the development key's public half as a JWKS, so the gateways under test run as in
 * production (NODE_ENV=production trusts only a JWKS URL) while the bench mints their tokens.
 * Call after loadOrCreateDevKeys(), which writes the public key.
 */
export async function serveJwks(port: number): Promise<{ url: string; server: Server }> {
  const publicJwk = JSON.parse(readFileSync(path.join(devKeysDir(), DEV_PUBLIC_KEY_FILE), 'utf8')) as object;
  const body = JSON.stringify({ keys: [publicJwk] });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/jwks.json`, server };
}
