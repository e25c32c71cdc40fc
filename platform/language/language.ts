/**
 * Canada's two official languages. One Window answers a person in the one they choose, and says
 * which it used: every text it writes exists in both, of equal quality.
 */
export type Language = 'EN' | 'FR';

export const LANGUAGES: readonly Language[] = ['EN', 'FR'];

/** The locale each language's dates and numbers are written in, and the answer's `Content-Language`. */
export const LOCALE: Record<Language, string> = { EN: 'en-CA', FR: 'fr-CA' };

export function isLanguage(value: unknown): value is Language {
  return value === 'EN' || value === 'FR';
}

/**
 * The official language an `Accept-Language` header prefers (RFC 9110 §12.5.4): the English or
 * French range with the highest weight, the earlier one on a tie. A header naming neither (or only
 * `*`) states no preference between them, so the next rule decides.
 */
export function negotiateLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  let best: { language: Language; weight: number } | null = null;
  for (const part of header.split(',').slice(0, 32)) {
    const [range, ...parameters] = part.trim().split(';');
    const language = officialLanguageOf(range.trim());
    if (!language) continue;
    const weight = weightOf(parameters);
    if (weight > 0 && (!best || weight > best.weight)) best = { language, weight };
  }
  return best?.language ?? null;
}

function officialLanguageOf(range: string): Language | null {
  const primary = range.toLowerCase().split('-')[0];
  return primary === 'en' ? 'EN' : primary === 'fr' ? 'FR' : null;
}

function weightOf(parameters: string[]): number {
  for (const parameter of parameters) {
    const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(parameter);
    if (match) return Number(match[1]);
  }
  return parameters.some((parameter) => /^\s*q\s*=/i.test(parameter)) ? 0 : 1;
}
