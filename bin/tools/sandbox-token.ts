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

/** Never renewed sooner than this after the last attempt, whatever a token's lifetime. */
const SHORTEST_WAIT_MS = 1_000;
/** A failed mint is tried again after a quarter of what is left of the last token, at most this. */
const LONGEST_RETRY_MS = 30_000;
/** The longest wait a Node timer takes (a longer one fires at once). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** When `token` is half spent, by its own claims, in milliseconds of the epoch. */
function halfLife(token: string): { at: number; expires: number } {
  const { iat = 0, exp = 0 } = decodeJwt(token);
  return { at: ((iat + exp) / 2) * 1000, expires: exp * 1000 };
}

const wait = (ms: number) => Math.min(LONGEST_TIMER_MS, Math.max(SHORTEST_WAIT_MS, ms));

/**
 * Mints the next token once half of the last one's life is gone (counted from when it was
 * issued, not from now) and hands it to `send`, until stopped: an explorer page loaded at any
 * time opens with a token that has at least half its life ahead of it, however long the gateway
 * has been up. A failed mint is retried well before the last token expires. Returns the stop.
 */
export function renewSandboxToken(
  first: string,
  mint: () => Promise<string>,
  send: (token: string) => void,
  log: (line: string) => void,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number, last: string) => {
    if (stopped) return;
    timer = setTimeout(() => void renew(last), wait(ms));
    // Renewal alone never keeps this process running.
    timer.unref();
  };
  const renew = async (last: string) => {
    try {
      const next = await mint();
      if (stopped) return;
      send(next);
      schedule(halfLife(next).at - Date.now(), next);
    } catch (error) {
      log(
        `the development token could not be renewed: ${error instanceof Error ? error.message : String(error)}`,
      );
      schedule(Math.min(LONGEST_RETRY_MS, (halfLife(last).expires - Date.now()) / 4), last);
    }
  };
  schedule(halfLife(first).at - Date.now(), first);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
