import { AsyncLocalStorage } from 'node:async_hooks';
import { Language } from './language';

/**
 * The language of the request being served, wherever its work runs: an error raised deep in a
 * resolver or a shared check is written in the caller's language without every function taking
 * it as an argument. The HTTP front opens a scope per request with what `Accept-Language` says;
 * the context settles it once the caller is known (their preferred language, or the gateway's
 * forwarded choice in a subgraph).
 */
const scope = new AsyncLocalStorage<{ language: Language }>();

export function inLanguageScope<T>(language: Language, run: () => T): T {
  return scope.run({ language }, run);
}

/** Settles the request's language for everything that runs after, in this request only. */
export function settleLanguage(language: Language): void {
  const current = scope.getStore();
  if (current) current.language = language;
}

/** The request's language; English outside any request (start-up, scripts). */
export function currentLanguage(): Language {
  return scope.getStore()?.language ?? 'EN';
}
