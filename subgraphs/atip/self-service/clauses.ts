import english from 'compromise';
import french from 'fr-compromise';
import type { Language } from './lexicon';

/**
 * Whether a part is a clause (it has a verb: "My eyesight is poor", « c'est rendu ridicule »)
 * rather than a bare noun phrase ("the officer's phone number", « la liste des passagers »), by the
 * part-of-speech tags of compromise and its French port. A clause nobody asked for tells; a noun
 * phrase names something, and what it names may be asked for. The verb must be a word One Window
 * knows (`unknown` holds those it does not, folded): a tagger guesses a verb in an unknown word
 * (« the xvmzcckiqra » in a French wording) as readily as a noun.
 */
export function isClause(
  text: string,
  language: Language,
  unknown: readonly string[],
  fold: (word: string) => string,
): boolean {
  // compromise types `json()` as any[]: its sentences are read through TaggedSentence.
  const tagged = (language === 'fr' ? french(text).json() : english(text).json()) as TaggedSentence[];
  return tagged.some((sentence) =>
    sentence.terms.some(
      (term) =>
        term.tags.includes('Verb') &&
        fold(term.text)
          .split(/[^a-z0-9]+/)
          .every((piece) => !unknown.includes(piece)),
    ),
  );
}

/** A sentence as both taggers' `json()` give it, as far as One Window reads it. */
interface TaggedSentence {
  terms: { text: string; tags: string[] }[];
}
