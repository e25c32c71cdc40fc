import { NormalizerEn, StemmerEn, StopwordsEn, TokenizerEn } from '@nlpjs/lang-en-min';
import { NormalizerFr, StemmerFr, StopwordsFr } from '@nlpjs/lang-fr';
import { SelfServiceCategory as C, SelfServicePartKind, SHOWN } from './categories';
import { isClause } from './clauses';
import { Language, LEXICON, NAMES, NEGATIONS, OVERRIDING } from './lexicon';
import {
  ASKING,
  BODIES,
  CIRCUMSTANCE,
  COPIES,
  DOCUMENT_ITSELF,
  CONTEXT_MARKERS,
  FILE_WORDS,
  GENERIC_RECORDS,
  NARRATIVE_OPENERS,
  NEGATION_WORDS,
  OTHERS,
  OWNERSHIP,
  QUESTION_OPENERS,
  RECORD_NOUNS,
  SIGN_OFFS,
  SUBJECT_VERBS,
  THIRD_PERSON,
  Vocabulary,
} from './vocabulary';

/**
 * How a wording is read: split into parts (sentences, list items, things joined by "and", "&",
 * "+", "/", « ainsi que »…), and each part is a request (it names what it wants, and whose), mere
 * circumstance (how long, since when, why, on whose advice, courtesy), or not understood. Words
 * come from NLP.js: both languages' normalizers fold case and accents, its tokenizer splits them,
 * and each word is matched on its English and its French stem, so "refusal" and "refused" are
 * one, as are « refus » and « refusée », and its stop-word lists say which words carry no content.
 */

/** Who asks: the person about their own file, or their representative about a client's ("her file" is the client's). */
export type Asker = 'applicant' | 'representative';

/** One part of a wording, and what it asks for. */
export interface RequestPart {
  text: string;
  /** A request asks for something; circumstance asks for nothing; not understood may ask for anything. */
  kind: SelfServicePartKind;
  categories: C[];
  /** What the part says it does not want ("not the notes", « sauf les renseignements médicaux »). */
  declined: C[];
  /** Words of the part that nothing explains: One Window cannot say what they ask for. */
  unexplained: string[];
}

const normalizers = [new NormalizerEn(), new NormalizerFr()];
// One tokenizer serves both languages once apostrophes and hyphens are spaces.
const tokenizer = new TokenizerEn();
const stemmers = [new StemmerEn(), new StemmerFr()];
const stopwords = [new StopwordsEn(), new StopwordsFr()];
const LANGUAGES: Record<Language, number> = { en: 0, fr: 1 };

/** A word as both languages' stemmers see it, after lower-casing and folding accents. */
interface Word {
  raw: string;
  stems: string[];
}

function fold(text: string): string {
  // Both normalizers lower-case and fold accents (é → e); the French one also folds œ and ç.
  return normalizers[1].normalize(normalizers[0].normalize(text));
}

function words(text: string): Word[] {
  return tokenizer
    .tokenize(fold(text).replace(/[’'\-–—]/g, ' '), true)
    .filter((raw: string) => /[a-z0-9]/.test(raw))
    .map(word);
}

const word = (raw: string): Word => ({ raw, stems: stemmers.map((stemmer) => stemmer.stemWord(raw)) });

/** A cue word matches a request word on its stem in the cue's language, or on the exact form for `=word`. */
interface CueWord {
  exact?: string;
  stem?: string;
  language: number;
}

interface Cue {
  words: CueWord[];
  /** `^`: the cue must open the part. */
  anchored: boolean;
}

interface CategoryCue extends Cue {
  category: C;
  weak: boolean;
}

function compile(phrase: string, language: Language): Cue {
  const anchored = phrase.startsWith('^');
  const index = LANGUAGES[language];
  const cueWords = (anchored ? phrase.slice(1) : phrase).split(' ').map((word) => {
    if (word.startsWith('=')) return { exact: words(word.slice(1))[0].raw, language: index };
    return { stem: stemmers[index].stemWord(words(word)[0].raw), language: index };
  });
  return { words: cueWords, anchored };
}

const matchesWord = (cue: CueWord, word: Word) =>
  cue.exact ? word.raw === cue.exact : cue.stem === word.stems[cue.language];

/**
 * Where a phrase's words appear in order, each within three words of the one before: the
 * positions of the first such appearance, or null. Linear in the part for a phrase of fixed length.
 */
function find(cue: Cue, text: Word[]): number[] | null {
  const starts = cue.anchored ? [0] : text.map((_, index) => index);
  for (const start of starts) {
    if (start >= text.length || !matchesWord(cue.words[0], text[start])) continue;
    const positions = [start];
    for (const next of cue.words.slice(1)) {
      const at = positions[positions.length - 1];
      let found = -1;
      for (let candidate = at + 1; candidate <= Math.min(at + 3, text.length - 1); candidate += 1)
        if (matchesWord(next, text[candidate])) {
          found = candidate;
          break;
        }
      if (found < 0) break;
      positions.push(found);
    }
    if (positions.length === cue.words.length) return positions;
  }
  return null;
}

const CUES: CategoryCue[] = (
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
const SIGN_OFF_CUES = (['en', 'fr'] as const).flatMap((language) =>
  SIGN_OFFS[language].map((phrase) => compile(`^${phrase}`, language)),
);

/**
 * A vocabulary as a test of a word: its exact form, or (unless `exact`) its stem, in either
 * language. Inflected forms (« vis », "was") are matched exactly: their stems are other words'.
 */
function wordSet(vocabulary: Vocabulary, exact = false): (word: Word) => boolean {
  const forms = new Set([...vocabulary.en, ...vocabulary.fr].map((word) => fold(word)));
  if (exact) return (word) => forms.has(word.raw);
  const stems = [
    new Set(vocabulary.en.map((word) => stemmers[0].stemWord(fold(word)))),
    new Set(vocabulary.fr.map((word) => stemmers[1].stemWord(fold(word)))),
  ];
  return (word) => forms.has(word.raw) || stems[0].has(word.stems[0]) || stems[1].has(word.stems[1]);
}

const isAsking = wordSet(ASKING);
const isNeutral = (
  (circumstance, file) => (word: Word) =>
    circumstance(word) || file(word)
)(wordSet(CIRCUMSTANCE), wordSet(FILE_WORDS));
const isContextMarker = wordSet(CONTEXT_MARKERS, true);
// Exact forms, in the wording's own language: stems and words cross languages (« fils » and
// "file" share a stem; « son » is "his", not a son).
const OTHER_FORMS: Record<Language, Set<string>> = {
  en: new Set(OTHERS.en),
  fr: new Set(OTHERS.fr.map(fold)),
};
const isBody = wordSet(BODIES, true);
const isGenericRecord = wordSet(GENERIC_RECORDS);
const isWholeRecords = wordSet(GENERIC_RECORDS, true);
const isPlace = wordSet({ en: ['on', 'in', 'off', 'from', 'to', 'onto'], fr: ['sur', 'dans', 'au'] }, true);
// In the wording's own language: « tapé » (typed) is not a tape.
const RECORD_FORMS: Record<Language, Set<string>> = {
  en: new Set(RECORD_NOUNS.en.map(fold)),
  fr: new Set(RECORD_NOUNS.fr.map(fold)),
};
const isFileWord = wordSet(FILE_WORDS);
const isStopword = (word: Word) => stopwords.some((list) => list.isStopword(word.raw));
const isNegation = wordSet(NEGATION_WORDS, true);
const isOpener = wordSet(NARRATIVE_OPENERS, true);
const isQuestionOpener = wordSet(QUESTION_OPENERS, true);
const isCopy = wordSet(COPIES, true);
const isSending = wordSet(DOCUMENT_ITSELF.sending, true);
const isDocument = wordSet(DOCUMENT_ITSELF.documents, true);
const isAsWhat = wordSet(DOCUMENT_ITSELF.asWhat, true);
const isThirdPerson = wordSet(THIRD_PERSON, true);
const isSubjectVerb = wordSet(SUBJECT_VERBS, true);
const isOwnership = wordSet(OWNERSHIP, true);
const isFirstPerson = wordSet({ en: ['i', 'we'], fr: ['j', 'je', 'nous'] }, true);
const isHave = wordSet({ en: ['have', 'already', 've'], fr: ['ai', 'avons', 'deja'] }, true);
const isOwnCountWord = wordSet(
  {
    en: ['days', 'day', 'times', 'time', 'entries', 'exits', 'trips', 'crossings', 'months', 'years', 'long'],
    fr: ['jours', 'jour', 'fois', 'entrees', 'sorties', 'voyages', 'mois', 'annees', 'temps'],
  },
  true,
);
const isOwnCount = (word: Word | undefined) => word !== undefined && isOwnCountWord(word);
const isNotesWord = wordSet({ en: ['notes', 'note', 'notebook'], fr: ['notes', 'note', 'calepin'] }, true);
const isBorderWord = wordSet(
  {
    en: ['secondary', 'border', 'poe', 'airport', 'crossing'],
    fr: ['secondaire', 'frontiere', 'douane', 'pde', 'airport'],
  },
  true,
);
const isPossessive = wordSet({ en: ['my', 'our'], fr: ['mon', 'ma', 'mes', 'notre', 'nos'] }, true);
const isAlongside = wordSet({ en: ['as', 'with'], fr: ['comme', 'avec'] }, true);
const isWishing = wordSet(
  {
    en: ['appreciate', 'appreciated', 'grateful', 'useful', 'helpful', 'like', 'also', 'too', 'and'],
    fr: ['apprecierais', 'reconnaissant', 'reconnaissante', 'utile', 'aimerais', 'aussi', 'egalement', 'et'],
  },
  true,
);
const isKnowing = wordSet(
  { en: ['know', 'understand', 'believe', 'think'], fr: ['sais', 'comprends', 'crois', 'pense'] },
  true,
);
const isThat = wordSet({ en: ['that'], fr: ['que', 'qu'] }, true);
const isGiving = wordSet(
  {
    en: [
      'sent',
      'submitted',
      'gave',
      'given',
      'provided',
      'shared',
      'told',
      'transmitted',
      'filed',
      'forwarded',
      'reported',
      'have',
    ],
    fr: [
      'envoye',
      'envoyee',
      'envoyes',
      'depose',
      'deposee',
      'deposes',
      'transmis',
      'transmise',
      'partage',
      'partagee',
      'fourni',
      'fournie',
      'fournis',
      'donne',
      'donnee',
      'dit',
      'soumis',
      'soumise',
      'ont',
    ],
  },
  true,
);
const isSchool = wordSet(
  { en: ['college', 'school', 'university'], fr: ['college', 'cegep', 'ecole', 'universite'] },
  true,
);
const isReading = wordSet(
  {
    en: ['read', 'looked', 'look', 'opened', 'open', 'accessed', 'viewed', 'consulted'],
    fr: ['lu', 'consulte', 'ouvert', 'regarde', 'acces'],
  },
  true,
);
const isFinding = wordSet(
  {
    en: ['said', 'found', 'say', 'checks', 'results', 'told', 'why'],
    fr: ['dit', 'trouve', 'verifications', 'resultats', 'pourquoi'],
  },
  true,
);
const isWhether = wordSet({ en: ['if', 'whether', 'did'], fr: ['si'] }, true);
const isCount = wordSet(
  { en: ['two', 'three', 'four', 'both', 'all'], fr: ['deux', 'trois', 'quatre', 'tous', 'toutes'] },
  true,
);
const isPersonName = wordSet({ en: ['name', 'names', 'identity'], fr: ['nom', 'noms', 'identite'] }, true);
const isKnown = (word: Word) =>
  isStopword(word) ||
  isNeutral(word) ||
  isAsking(word) ||
  OTHER_FORMS.en.has(word.raw) ||
  OTHER_FORMS.fr.has(word.raw) ||
  isBody(word) ||
  isNegation(word) ||
  CUE_STEMS.has(word.stems.join(' '));
/** Numbers, years, dates, UCIs and application numbers say which, not what. */
const IDENTIFIER = /^(?:\d+(?:st|nd|rd|th|er|e)?|[a-z]{1,3}\d{5,12}|[rsa]\d{1,3}[a-z]?\d?)$/;
/** "The following", « les renseignements suivants »: a line that announces the list after it. */
const ANNOUNCES = wordSet(
  { en: ['following', 'below', 'listed'], fr: ['suivants', 'suivantes', 'dessous'] },
  true,
);

/** A part as split, before it is read: its text, and whether what it names is asked for. */
interface Piece {
  text: string;
  /**
   * It is a list item, follows a colon, or shares its sentence with a word that asks or a
   * question ("Please send my travel history + my fingerprints"): what it names is asked for.
   */
  asked: boolean;
}

/**
 * Splits a wording into its parts: sentences and lines, list items, and things joined by a
 * conjunction or a sign. "But" and "except" open a part of their own, so what a part declines is
 * only what follows them. A letter's sign-off ends it: what comes after is a signature.
 */
function splitIntoParts(description: string): Piece[] {
  const parts: Piece[] = [];
  const lines = description.split(/[\n\r\u2022]+/).filter((line) => line.trim());
  while (lines.length > 1 && isSignature(lines[lines.length - 1])) lines.pop();
  let afterColon = false;
  for (const line of lines) {
    const tokens = words(line);
    if (tokens.length <= 6 && SIGN_OFF_CUES.some((cue) => find(cue, tokens) !== null)) break;
    const listed = afterColon || LIST_ITEM.test(line);
    afterColon = /:\s*$/.test(line);
    for (const sentence of line.split(/[.;!?]+/)) {
      const [opening, ...listing] = sentence.split(':');
      const sentenceWords = words(sentence);
      // A sentence asks with a word that asks, a question, or by naming what it wants ("GCMS
      // notes and any other relevant document").
      const asks =
        sentenceWords.some(isAsking) ||
        sentenceWords.some((word) => word.raw === QUESTION) ||
        CUES.some((cue) => !cue.weak && find(cue, sentenceWords) !== null);
      const segments = [{ segment: opening, afterItsColon: false }];
      for (const item of listing) segments.push({ segment: item, afterItsColon: true });
      for (const { segment, afterItsColon } of segments)
        for (const piece of segment.split(JOINERS)) {
          const text = piece?.trim();
          if (!text) continue;
          const reason = REASON.test(text);
          parts.push({ text, asked: !reason && (listed || afterItsColon || asks) });
        }
    }
  }
  return parts;
}

/** A line that is an item of a list: a bullet, a dash or a number opens it. */
const LIST_ITEM = /^\s*(?:[-*–—]|\d{1,2}[).])\s/;

/** What opens a reason: a clause of its own, never a thing asked for. */
const REASON_MARKERS =
  'because|so that|in order to|parce que|parce qu|puisque|afin de|afin d|afin que|pour que|vu que';
const REASON = new RegExp(`^(?:${REASON_MARKERS})\\b`, 'i');

/**
 * A letter's last lines that only name someone ("Ravi Shankar", "Eleanor Whitfield, Barrister"):
 * up to four capitalised words, none of them a cue.
 */
function isSignature(line: string): boolean {
  return (
    /^\s*(?:[A-ZÀ-Ý][\p{L}.'’-]*,?\s*){1,4}$/u.test(line) &&
    !CUES.some((cue) => find(cue, words(line)) !== null)
  );
}

/**
 * What separates requests: sentence and list punctuation, signs that join ("&", "+", "/"), the
 * words that join or contrast, and list numbering. No part of it can match the same characters
 * twice, so splitting is linear in the wording.
 */
const JOINERS = new RegExp(
  [
    '[.;:!?()\\[\\]]+',
    ',',
    '\\s[&+/]\\s?',
    '\\s[-—–]\\s',
    '\\s\\d{1,2}[).]\\s',
    // "My sister and I applied": a subject joined to the person is not a second request; "…
    // since I landed, and I am afraid of a mistake" is.
    '\\b(?:and also|and|et aussi|et)\\b(?!\\s+(?:i|we|me|myself|moi|nous|je|j)\\b)',
    `(?<!\\b(?:${accentFree([...OTHERS.en, ...OTHERS.fr]).join('|')})\\s+)\\b(?:and|et)\\b(?=\\s+(?:i|we|je|j)\\b)`,
    '\\b(?:as well as|plus|along with|together with|but|also|ainsi que|de meme que|de même que|mais|aussi|egalement)\\b',
    '(?<=\\s)(?=(?:except|excluding|other than|sauf|hormis|except[eé]|[aà] l.exception)\\b)',
    // A reason is a clause of its own, and circumstance unless it names a record.
    `(?<=\\s)(?=(?:${REASON_MARKERS})\\b)`,
  ].join('|'),
  'i',
);

/** Words as a pattern that matches them with or without their accents (« mère », "mere"). */
function accentFree(list: string[]): string[] {
  const letters: Record<string, string> = {
    a: '[aàâ]',
    e: '[eéèêë]',
    i: '[iîï]',
    o: '[oô]',
    u: '[uùû]',
    c: '[cç]',
  };
  return list.map((word) => [...word].map((letter) => letters[letter] ?? letter).join(''));
}

/** Proper names of systems and places whose words would mislead ("Integrated Customs Enforcement System"). */
function replaceNames(text: string): string {
  return NAMES.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/**
 * Every word One Window knows (cues, vocabularies, stop words' languages aside), by length: a
 * word it does not know is read as the known word one typing slip away ("staus", « reseption »).
 */
const KNOWN = new Map<number, string[]>();
/** Every cue word's stems, so that a word a cue names is never "corrected" into another. */
const CUE_STEMS = new Set<string>();
function learn(text: string, shortest = 4): void {
  for (const { raw, stems } of words(text)) {
    CUE_STEMS.add(stems.join(' '));
    if (raw.length < shortest || /\d/.test(raw)) continue;
    const same = KNOWN.get(raw.length) ?? [];
    if (!same.includes(raw)) KNOWN.set(raw.length, [...same, raw]);
  }
}
// Never into a person or a body ("count" is not "court"): that would change whose records are
// asked. Into a word of circumstance only from six letters ("recieved"): a shorter unknown word
// one slip from one (« noire », « notre ») is likelier a word of its own, which may name a record.
for (const vocabulary of [ASKING, FILE_WORDS, GENERIC_RECORDS])
  [...vocabulary.en, ...vocabulary.fr].forEach((known) => learn(known));
for (const vocabulary of [CIRCUMSTANCE, CONTEXT_MARKERS])
  [...vocabulary.en, ...vocabulary.fr].forEach((known) => learn(known, 6));
for (const cues of Object.values(LEXICON))
  [...cues.en, ...cues.fr, ...(cues.weak?.en ?? []), ...(cues.weak?.fr ?? [])].forEach((phrase) =>
    learn(phrase.replace(/[=^]/g, '')),
  );

/** Damerau–Levenshtein distance of at most `limit`, or `limit + 1`; linear in the words for a fixed limit. */
function withinEdits(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/** The known word a slip away from `raw` (one edit up to seven letters, two beyond), or `raw` itself. */
function corrected(raw: string, known: (word: Word) => boolean): Word {
  const asIs = word(raw);
  if (raw.length < 4 || /\d/.test(raw) || known(asIs)) return asIs;
  const limit = raw.length > 7 ? 2 : 1;
  let best: { candidate: string; distance: number } | null = null;
  for (let length = raw.length - limit; length <= raw.length + limit; length++)
    for (const candidate of KNOWN.get(length) ?? []) {
      if (candidate[0] !== raw[0]) continue;
      const distance = withinEdits(raw, candidate, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
    }
  // A slip never turns a word into one that says no ("scans" is not « sans »).
  return best && !isNegation(word(best.candidate)) ? word(best.candidate) : asIs;
}

/**
 * Names of people and places: capitalised words that do not open a sentence or a line, and the
 * capitalised pieces of hyphenated names (« Port-au-Prince », "Rose-Marie"). They say whose or
 * where, not what. Read over the whole wording, so a name after a comma ("Cebu, Philippines")
 * is one even where the comma opens a part.
 */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split(/[\n\r]+/)) {
    let opensSentence = true;
    for (const token of line.trim().split(/\s+/)) {
      const bare = token.replace(/^[("«“]+/, '').replace(/(?:['’]s)?[.,;:!?)»”]*$/, '');
      if (/^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Za-zÀ-ÿ]+)+$/.test(bare))
        for (const piece of bare.split('-')) if (/^[A-ZÀ-Ý]/.test(piece)) names.add(fold(piece));
      if (!opensSentence && /^[A-ZÀ-Ý][a-zà-ÿ]+$/.test(bare)) names.add(fold(bare));
      opensSentence = /[.!?:]$/.test(token);
    }
  }
  return names;
}

/** The wording's language, by which language's stop words it uses more. */
function languageOf(text: string): Language {
  const tokens = words(text);
  const count = (list: number) => tokens.filter((token) => stopwords[list].isStopword(token.raw)).length;
  return count(1) > count(0) ? 'fr' : 'en';
}

/** What one part names: its categories (cues), and its words that no cue took. */
function readPart(
  { text, asked }: Piece,
  asker: Asker,
  language: Language,
  names: Set<string>,
  othersNamed: boolean,
): RequestPart {
  // "As a sponsored spouse", "with my wife", « comme conjointe », « avec ma femme »: a role or a
  // companion, not whose records are asked.
  const isOther = (word: Word) => OTHER_FORMS[language].has(word.raw);
  const all = words(text);
  // A question asks, however it is worded ("Was an A44 report written?", "When did I last enter").
  const question =
    all.some((token) => token.raw === QUESTION) || (all.length > 0 && isQuestionOpener(all[0]));
  const tokens = all
    .filter((token) => token.raw !== QUESTION)
    .map((token) => (names.has(token.raw) ? token : corrected(token.raw, isKnown)));
  const taken = new Set<number>();
  const matched: CategoryCue[] = [];
  for (const cue of CUES) {
    const positions = find(cue, tokens);
    if (!positions) continue;
    matched.push(cue);
    for (const position of positions) taken.add(position);
  }
  const strong = new Set(matched.filter((cue) => !cue.weak).map((cue) => cue.category));
  // A weak cue ("notes", "officer") counts only when nothing else in the part explains it.
  const named = new Set([
    ...strong,
    ...matched.filter((cue) => cue.weak && strong.size === 0).map((cue) => cue.category),
  ]);
  const free = tokens.filter((_, index) => !taken.has(index));
  // Someone else owns what is asked when the part says so ("my wife's", "the notes of my son", «
  // le dossier de mon fils »), or names them and nothing happening to them ("and my husband").
  const alongside = (index: number) =>
    [1, 2].some((back) => tokens[index - back] !== undefined && isAlongside(tokens[index - back]));
  const others = tokens.filter((token, index) => !taken.has(index) && !alongside(index) && isOther(token));
  const owned = tokens.some(
    (token, index) =>
      isOther(token) &&
      !taken.has(index) &&
      !alongside(index) &&
      (tokens[index + 1]?.raw === 's' ||
        (tokens[index + 1] !== undefined &&
          (isFileWord(tokens[index + 1]) || isGenericRecord(tokens[index + 1]))) ||
        [1, 2, 3, 4, 5].some((back) => tokens[index - back] && isOwnership(tokens[index - back]))),
  );
  const told = tokens.some(
    (token, index) =>
      isOther(token) &&
      [1, 2, 3].some(
        (ahead) =>
          tokens[index + ahead] !== undefined &&
          (isSubjectVerb(tokens[index + ahead]) ||
            (language === 'en' &&
              !names.has(tokens[index + ahead].raw) &&
              /..ed$/.test(tokens[index + ahead].raw))),
      ),
  );
  const asking = free.some(isAsking);
  const wishing = tokens.some(isWishing);
  const circumstantial = free.some(isContextMarker);
  const unexplained = free
    .filter((word) => !isStopword(word) && !IDENTIFIER.test(word.raw) && !names.has(word.raw))
    .filter((word) => !isNeutral(word) && !isAsking(word) && !isOther(word) && !isNegation(word))
    .map((word) => word.raw);
  // "I applied in 2019", « ma mère a rempli ma demande »: a part that tells what happened asks for
  // nothing, unless it names someone else's record of a kind One Window shows ("my wife's status was…").
  const othersRecord = others.length > 0 && [...named].some((category) => SHOWN[category]);
  // "I already have copies", « j'en ai déjà des copies »: what the person holds is not asked
  // for; "I understand that…", « je sais que… »: what they know neither.
  const holding = tokens.some(
    (token, index) =>
      isFirstPerson(token) &&
      ([1, 2, 3].some((ahead) => tokens[index + ahead] && isHave(tokens[index + ahead])) ||
        (tokens[index + 1] !== undefined &&
          isKnowing(tokens[index + 1]) &&
          tokens[index + 2] !== undefined &&
          isThat(tokens[index + 2]))),
  );
  const narrative =
    (circumstantial || holding) &&
    !(holding ? free.some((token) => isAsking(token) && !isCopy(token)) : asking) &&
    !question &&
    !othersRecord &&
    tokens.length > 0 &&
    isOpener(tokens[0]) &&
    // "+ my IELTS results that I uploaded": in a sentence that asks, "my …" names what is asked.
    !(asked && isPossessive(tokens[0]) && (named.size > 0 || free.some(isBody)));
  if (narrative)
    return { text, kind: SelfServicePartKind.CIRCUMSTANCE, categories: [], declined: [], unexplained: [] };
  // Someone else's records, or another body's: said as theirs, or the part names only them ("and
  // my husband"); to a person asking about their own file, "her application" is someone else's.
  // Named with nothing else but what of theirs is asked ("and my husband", "her two children for
  // their applications"), or asked about ("if her ex entered Canada").
  const bare =
    others.length > 0 &&
    (told
      ? named.size > 0 &&
        tokens.some(
          (token, index) => isOther(token) && tokens.slice(Math.max(0, index - 3), index).some(isWhether),
        )
      : free.every(
          (token) =>
            isOther(token) ||
            isStopword(token) ||
            isAsking(token) ||
            isFileWord(token) ||
            isGenericRecord(token) ||
            IDENTIFIER.test(token.raw) ||
            isCount(token) ||
            names.has(token.raw),
        ));
  if (owned || (bare && asked)) named.add(C.OTHER_PEOPLE);
  // "The job offer my employer submitted", « ce que mon cégep vous a envoyé »: what someone else
  // sent or told is theirs, not the person's file.
  if (asked && (others.length > 0 || free.some(isBody) || free.some(isSchool)) && tokens.some(isGiving))
    named.add(C.RECORDS_NOT_HELD);
  // "I want his name", « je veux son nom »: who someone is (an officer, most often) is not shown.
  if (
    asked &&
    tokens.some(
      (token, index) => isThirdPerson(token) && tokens[index + 1] && isPersonName(tokens[index + 1]),
    )
  )
    named.add(C.INSTITUTIONAL_RECORDS);
  // "How many files did the office refuse?": figures about others; of the person's own days,
  // times or trips, or anything of theirs ("my", « son dossier »), a count One Window shows.
  if (
    !tokens.some((token) => isPossessive(token) || isFirstPerson(token) || isThirdPerson(token)) &&
    tokens.some((token, index) => isHowMany(tokens, index) && !isOwnCount(countedAfter(tokens, index)))
  )
    named.add(C.INSTITUTIONAL_RECORDS);
  // Notes taken at the border (a secondary examination) are not the decision notes One Window shows.
  if (named.has(C.DECISION_AND_NOTES) && tokens.some(isNotesWord) && tokens.some(isBorderWord))
    named.add(C.RECORDS_NOT_HELD);
  // Entries and exits are kept from 2000: a year before asks for what One Window does not have.
  if (named.has(C.TRAVEL_HISTORY) && tokens.some((token) => /^19\d\d$/.test(token.raw)))
    named.add(C.RECORDS_NOT_HELD);
  // Another body's records: what a part asks of them is theirs to give ("the Americans' records");
  // a body that read the file is in the access log ("Has the RCMP looked at my file?").
  // Why they read it, or what they said or found, is theirs.
  const readTheFile = named.has(C.ACCESS_LOG) && tokens.some(isReading) && !tokens.some(isFinding);
  if (named.has(C.ACCESS_LOG) && tokens.some((token) => token.raw === 'why' || token.raw === 'pourquoi'))
    named.add(C.RECORDS_NOT_HELD);
  if (readTheFile) named.delete(C.SECURITY_SCREENING);
  else if (free.some(isBody) && (named.size > 0 || asking || asked || !circumstantial))
    named.add(C.RECORDS_NOT_HELD);
  // "Her file"; and where the wording names someone else ("My mother applied… Can I get her
  // refusal notes?"), "her" with anything a cue names.
  const theirs = tokens.some(
    (token, index) =>
      isThirdPerson(token) &&
      tokens[index + 1] !== undefined &&
      (isFileWord(tokens[index + 1]) ||
        isGenericRecord(tokens[index + 1]) ||
        (othersNamed && [index + 1, index + 2].some((next) => taken.has(next)))),
  );
  if (asker === 'applicant' && theirs) named.add(C.OTHER_PEOPLE);
  // A copy of a letter or a document is not what One Window shows (its details are); the
  // decision and the notes are what it shows, copy or not; "a copy of my file" is the whole file.
  const wholeFile = named.size === 0 && free.some(isGenericRecord);
  const documentItself = tokens.some(isSending) && tokens.some(isDocument) && !tokens.some(isAsWhat);
  if ((free.some(isCopy) || documentItself) && !named.has(C.DECISION_AND_NOTES) && !wholeFile)
    named.add(C.RECORDS_NOT_HELD);
  const overriding = OVERRIDING.filter((category) => named.has(category));
  const categories = overriding.length ? overriding : [...named];
  const declining =
    NEGATION_CUES.some((negation) => find(negation, tokens)) ||
    (tokens.length > 0 && isNegation(tokens[0])) ||
    (asking && free.some(isNegation));
  if (declining)
    return {
      text,
      kind: SelfServicePartKind.CIRCUMSTANCE,
      categories: [],
      declined: categories,
      unexplained: [],
    };
  // A record no cue took ("my travel history with the officer's photos") is not understood,
  // even beside one that is.
  const records = free.filter((word) => RECORD_FORMS[language].has(word.raw)).map((word) => word.raw);
  if (categories.length > 0)
    return {
      text,
      kind: SelfServicePartKind.REQUEST,
      categories,
      declined: [],
      // ("Documents about my removal": documents beside what a cue names say only "about it".)
      unexplained: [...new Set([...unexplained, ...records.filter((raw) => !isGenericRecord(word(raw)))])],
    };
  if (unexplained.length > 0)
    // A statement with words nothing explains ("My eyesight is poor") asks for nothing unless it
    // is asked: by a word that asks or wishes, a question, a list, or a sentence that asks.
    // Asked, words of circumstance do not excuse it ("and what triage bucket did you put me in").
    return (circumstantial
      ? !asked || isOpener(tokens[0])
      : !(asked || question || wishing) && isClause(text, language, unexplained, fold)) &&
      !asking &&
      !(asked && records.length > 0)
      ? { text, kind: SelfServicePartKind.CIRCUMSTANCE, categories: [], declined: [], unexplained: [] }
      : { text, kind: SelfServicePartKind.NOT_UNDERSTOOD, categories: [], declined: [], unexplained };
  // "My records", « mes renseignements »: everything, unless it announces a list.
  // ("on my file", "recorded" and « enregistré » say where or what happened, not what is asked).
  const wholeRecords = tokens.some(
    (token, index) =>
      !taken.has(index) &&
      isWholeRecords(token) &&
      ![1, 2].some((back) => tokens[index - back] && isPlace(tokens[index - back])),
  );
  if (asking && wholeRecords && !free.some(ANNOUNCES))
    return {
      text,
      kind: SelfServicePartKind.REQUEST,
      categories: [C.ALL_RECORDS],
      declined: [],
      unexplained: [],
    };
  // "+ my fingerprints", "- all docs submitted": a record asked for that no cue names is not understood.
  if (asked && records.length > 0)
    return {
      text,
      kind: SelfServicePartKind.NOT_UNDERSTOOD,
      categories: [],
      declined: [],
      unexplained: records,
    };
  return { text, kind: SelfServicePartKind.CIRCUMSTANCE, categories: [], declined: [], unexplained: [] };
}

/** "How many", « combien »: where a count is asked, at `index`. */
function isHowMany(tokens: Word[], index: number): boolean {
  return (
    tokens[index].raw === 'combien' || (tokens[index].raw === 'how' && tokens[index + 1]?.raw === 'many')
  );
}

/** The word a count at `index` counts ("how many refusals", « combien de jours »). */
function countedAfter(tokens: Word[], index: number): Word | undefined {
  return tokens.slice(index + 1).find((token) => !['many', 'de', 'd', 'of', 'the'].includes(token.raw));
}

/** Stands for a question mark through splitting, which drops punctuation. */
const QUESTION = 'zzquestion';

/** A wording read as requests and circumstances, in English or in French. */
export function readRequest(description: string, asker: Asker): RequestPart[] {
  const marked = replaceNames(description)
    .replace(/\?/g, ` ${QUESTION}.`)
    // "Mr. Osei" is one name, not the end of a sentence.
    .replace(/\b(Mr|Mrs|Ms|Dr|Mme|Mlle|Me|M|St)\.(?=\s)/g, '$1');
  const language = languageOf(description);
  const names = namesIn(marked);
  const othersNamed = words(marked).some((word) => OTHER_FORMS[language].has(word.raw));
  return splitIntoParts(marked).map((piece) => readPart(piece, asker, language, names, othersNamed));
}
