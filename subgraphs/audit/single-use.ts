import { FORWARDED_CALLER_LIFETIME_SECONDS } from '../../platform/caller-header';

/**
 * Nonces of the gateway's audit-write signatures already used. A signature lives 30 seconds, so a
 * nonce is remembered as long: a captured header writes nothing a second time. (Per process: with
 * several audit replicas, a shared store would hold it.)
 */
const used = new Map<string, number>();

export function useOnce(nonce: string, now = Date.now()): boolean {
  for (const [seen, expires] of used) {
    if (expires > now) break;
    used.delete(seen);
  }
  if (used.has(nonce)) return false;
  used.set(nonce, now + FORWARDED_CALLER_LIFETIME_SECONDS * 1000);
  return true;
}
