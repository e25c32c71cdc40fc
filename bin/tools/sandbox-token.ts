import { decodeJwt, KeyLike } from 'jose';
import { tokenSettings } from '../../gateway/auth/token-verifier';
import { mintToken } from './mint-token';

/**
 * The explorers' development token: an officer who may read any file, for
 * ONE_WINDOW_SANDBOX_TOKEN_TTL (a time span such as `10m` or `1h`; an hour by default).
 */
export function mintSandboxToken(privateKey: KeyLike, kid: string, env: NodeJS.ProcessEnv): Promise<string> {
  return mintToken(privateKey, kid, {
    subject: 'sandbox-developer',
    role: 'officer',
    scopes: ['case:read', 'case:notes', 'border:travel', 'border:enforcement', 'atip:read'],
    ttl: env.ONE_WINDOW_SANDBOX_TOKEN_TTL || '1h',
    ...tokenSettings(env),
  });
}

/** Never renewed more often than this, whatever a token's lifetime. */
const SHORTEST_RENEWAL_MS = 1_000;

/**
 * Mints the next token when half of the last one's life is gone and hands it to `send`, for as
 * long as this process runs: an explorer page loaded at any time opens with a token that has at
 * least half its life ahead of it, however long the gateway has been up.
 */
export function renewSandboxToken(
  first: string,
  mint: () => Promise<string>,
  send: (token: string) => void,
  log: (line: string) => void,
): void {
  const renewAfter = (token: string) => {
    const { iat = 0, exp = 0 } = decodeJwt(token);
    const timer = setTimeout(
      () =>
        void mint().then(
          (next) => {
            send(next);
            renewAfter(next);
          },
          (error: unknown) => {
            log(`the development token could not be renewed: ${(error as Error).message}`);
            renewAfter(token);
          },
        ),
      Math.max(SHORTEST_RENEWAL_MS, ((exp - iat) * 1000) / 2),
    );
    // Renewal alone never keeps this process running.
    timer.unref();
  };
  renewAfter(first);
}
