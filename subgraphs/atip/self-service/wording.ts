import { NormalizerEn, StemmerEn, TokenizerEn } from '@nlpjs/lang-en-min';
import { NormalizerFr, StemmerFr } from '@nlpjs/lang-fr';
import { SelfServiceCategory as C } from './categories';
import { Language, LEXICON, NEGATIONS, NAMES, OVERRIDING, WORDS_WITHOUT_CONTENT } from './lexicon';

/** One part of a request, in the requester's words, and what it asks for. */
export interface RequestPart {
  text: string;
  categories: C[];
  /** The part says it does not want these ("not the notes", « sauf les renseignements médicaux »). */
  declined: C[];
}

const normalizers = [new NormalizerEn(), new NormalizerFr()];
// One tokenizer serves both languages once apostrophes and hyphens are spaces.
const tokenizer = new TokenizerEn();
const stemmers = [new StemmerEn(), new StemmerFr()];

/** A word as both languages' stemmers see it, after lower-casing and folding accents. */
interface Word {
  raw: string;
  stems: string[];
}

function words(text: string): Word[] {
  // Both normalizers lower-case and fold accents (é → e); the French one also folds œ and ç.
  const folded = normalizers[1].normalize(normalizers[0].normalize(text));
  return tokenizer
    .tokenize(folded.replace(/[’'-]/g, ' '), true)
    .filter((raw: string) => raw.length > 0)
    .map((raw: string) => ({ raw, stems: stemmers.map((stemmer) => stemmer.stemWord(raw)) }));
}

/** A cue word matches a request word on its stem in the cue's language, or on the exact form for `=word`. */
interface CueWord {
  exact?: string;
  stem?: string;
  language: number;
}

interface CompiledCue {
  category: C;
  words: CueWord[];
  weak: boolean;
  /** `^`: the cue must open the part. */
  anchored: boolean;
}

const LANGUAGES: Record<Language, number> = { en: 0, fr: 1 };

function compile(phrase: string, language: Language): { words: CueWord[]; anchored: boolean } {
  const anchored = phrase.startsWith('^');
  const cueWords = (anchored ? phrase.slice(1) : phrase).split(/\s+/).map((word) => {
    const index = LANGUAGES[language];
    if (word.startsWith('=')) return { exact: words(word.slice(1))[0].raw, language: index };
    return { stem: stemmers[index].stemWord(words(word)[0].raw), language: index };
  });
  return { words: cueWords, anchored };
}

const CUES: CompiledCue[] = (
  Object.entries(LEXICON) as [C, (typeof LEXICON)[keyof typeof LEXICON]][]
).flatMap(([category, cues]) =>
  (['en', 'fr'] as const).flatMap((language) => [
    ...cues[language].map((phrase) => ({ category, weak: false, ...compile(phrase, language) })),
    ...(cues.weak?.[language] ?? []).map((phrase) => ({
      category,
      weak: true,
      ...compile(phrase, language),
    })),
  ]),
);
const NEGATION_CUES = (['en', 'fr'] as const).flatMap((language) =>
  NEGATIONS[language].map((phrase) => compile(phrase, language)),
);
const WITHOUT_CONTENT = new Set(WORDS_WITHOUT_CONTENT.map((word) => words(word)[0].raw));
/** Numbers, years and application numbers say which, not what. */
const IDENTIFIER = /^(?:\d+|[a-z]\d{9})$/;

const matchesWord = (cue: CueWord, word: Word) =>
  cue.exact ? word.raw === cue.exact : cue.stem === word.stems[cue.language];

/** Whether a phrase's words appear in order, each within three words of the one before. */
function found(cue: { words: CueWord[]; anchored: boolean }, text: Word[]): boolean {
  const starts = cue.anchored ? [0] : text.map((_, index) => index);
  return starts.some((start) => {
    if (start >= text.length || !matchesWord(cue.words[0], text[start])) return false;
    let at = start;
    return cue.words.slice(1).every((next) => {
      for (let candidate = at + 1; candidate <= Math.min(at + 3, text.length - 1); candidate += 1) {
        if (matchesWord(next, text[candidate])) {
          at = candidate;
          return true;
        }
      }
      return false;
    });
  });
}

/** Splits a request into its parts: sentences, clauses and the things joined by "and" / « et ». */
function splitIntoParts(description: string): string[] {
  return description
    .split(
      /[.;:!?()\n\r\u2022]+|,|\s-\s|\b(?:and|as well as|plus|along with|et|ainsi que|de meme que|y compris|including)\b/i,
    )
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Proper names of systems and places whose words would mislead ("Integrated Customs Enforcement System"). */
function replaceNames(text: string): string {
  return NAMES.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/**
 * What each part of a request asks for, read the way a person writes it, in English or in French:
 * words are folded (case, accents) and stemmed by both languages' stemmers from NLP.js, then
 * matched against each category's cues. A part may decline what it names ("not the notes"). A
 * part about someone else or about an institution's own records is only that, whatever else it
 * names; a part with words but no cue is unrecognized, never guessed.
 */
export function understand(description: string): RequestPart[] {
  const parts: RequestPart[] = [];
  for (const text of splitIntoParts(replaceNames(description))) {
    const tokens = words(text);
    if (tokens.every((token) => WITHOUT_CONTENT.has(token.raw) || IDENTIFIER.test(token.raw))) continue;
    const matched = CUES.filter((cue) => found(cue, tokens));
    const strong = new Set(matched.filter((cue) => !cue.weak).map((cue) => cue.category));
    // A weak cue ("notes", "officer") counts only when nothing else in the part explains it.
    const named = new Set([
      ...strong,
      ...matched.filter((cue) => cue.weak && strong.size === 0).map((cue) => cue.category),
    ]);
    const overriding = OVERRIDING.filter((category) => named.has(category));
    // "All records of my border crossings" asks for the crossings, all of them.
    if (named.size > 1) named.delete(C.ALL_RECORDS);
    const categories = overriding.length ? overriding : [...named];
    const declined = NEGATION_CUES.some((negation) => found(negation, tokens));
    if (declined) parts.push({ text, categories: [], declined: categories });
    else parts.push({ text, categories: categories.length ? categories : [C.UNRECOGNIZED], declined: [] });
  }
  // Words that ask for nothing in particular ("Please help") are not a request One Window can answer.
  return parts.length ? parts : [{ text: description, categories: [C.UNRECOGNIZED], declined: [] }];
}
