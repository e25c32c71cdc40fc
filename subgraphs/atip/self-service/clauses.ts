import english from 'compromise';
import french from 'fr-compromise';
import type { Language } from './lexicon';

/**
 * Whether a part is a clause (it has a verb: "My eyesight is poor", « Le temps presse ») rather
 * than a bare noun phrase ("the officer's phone number", « la liste des passagers »), by the
 * part-of-speech tags of compromise and its French port. A clause nobody asked for tells; a noun
 * phrase names something, and what it names may be asked for.
 */
export function isClause(text: string, language: Language): boolean {
  // compromise types `json()` as any[]: its sentences are read through TaggedSentence.
  const tagged = (language === 'fr' ? french(text).json() : english(text).json()) as TaggedSentence[];
  return tagged.some((sentence) => sentence.terms.some((term) => term.tags.includes('Verb')));
}

/** A sentence as both taggers' `json()` give it, as far as One Window reads it. */
interface TaggedSentence {
  terms: { text: string; tags: string[] }[];
}
