import { KeyLike } from 'jose';
import { Caller } from '../../platform/caller';
import { signCaller } from '../../platform/caller-header';
import { BoundedCache, stringBytes } from '../../platform/bounded-cache';
import { internalClient } from '../../platform/internal-client';
import { isLanguage, Language } from '../../platform/language/language';
import { CallGuard, ServiceFailure } from '../../platform/resilience/call-guard';
import { DEFAULT_RESILIENCE, ResilienceSettings } from '../../platform/resilience/settings';

/** A nicety, not worth more than a moment of an applicant's wait: no retries, 300 ms at most. */
export const LANGUAGE_LOOKUP: ResilienceSettings = { ...DEFAULT_RESILIENCE, timeoutMs: 300, retries: 0 };

/** Case management owns each client's preferred official language. */
const CASE_SERVICE = 'ircc-case';
const QUERY = '{ callerPreferredLanguage }';

/** A preference changes rarely; reading it again every few minutes keeps a change visible soon enough. */
const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

export type PreferredLanguageOf = (caller: Caller, requestId: string) => Promise<Language | null>;

/**
 * The preferred official language of an applicant, asked of case management as that applicant
 * and remembered for a few minutes. Other callers (representatives, officers, partners) read
 * other people's files, whose preference is not theirs: they get none. A case service that does
 * not answer gives none either, and the answer falls back to English rather than failing; its
 * guard keeps the wait short (LANGUAGE_LOOKUP, below), since every applicant request waits for it.
 */
export function preferredLanguageOf(
  caseServiceUrl: string,
  signingKey: KeyLike,
  guard: CallGuard,
  log: (line: string) => void,
): PreferredLanguageOf {
  const remembered = new BoundedCache<{ language: Language | null }>(
    { maxEntries: MAX_ENTRIES, maxBytes: 2 * 1024 * 1024 },
    (subject) => stringBytes(subject) + 64,
  );
  return async (caller, requestId) => {
    if (caller.role !== 'applicant' || !caller.subject) return null;
    const known = remembered.get(caller.subject);
    if (known) return known.language;
    try {
      const header = await signCaller(
        { caller, requestId, purpose: 'request', operation: 'query', language: 'EN' },
        [CASE_SERVICE],
        signingKey,
      );
      const { callerPreferredLanguage } = await internalClient(
        caseServiceUrl,
        header,
        CASE_SERVICE,
        guard,
      )<{ callerPreferredLanguage: unknown }>(QUERY, {});
      const language = isLanguage(callerPreferredLanguage) ? callerPreferredLanguage : null;
      remembered.set(caller.subject, { language }, Date.now() + TTL_MS);
      return language;
    } catch (error) {
      log(`preferred language unavailable (${error instanceof ServiceFailure ? error.reason : 'refused'})`);
      return null;
    }
  };
}
