import { Caller } from '../../platform/caller';
import { Language, negotiateLanguage } from '../../platform/language/language';
import { PreferredLanguageOf } from './preferred-language';

/**
 * The language of an answer, settled once per request: what the request's `Accept-Language`
 * prefers; else, for an applicant, the preferred language on their own file; else English. A
 * field's own `language` argument still wins for that field.
 */
export async function answerLanguage(
  acceptLanguage: string | undefined,
  caller: Caller,
  requestId: string,
  preferredLanguageOf: PreferredLanguageOf | null,
): Promise<Language> {
  return negotiateLanguage(acceptLanguage) ?? (await preferredLanguageOf?.(caller, requestId)) ?? 'EN';
}
