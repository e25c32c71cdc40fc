import { Text } from './catalogue';
import { Language } from './language';

/**
 * The acts and regulations One Window cites: each one's name in both languages, and how a French
 * citation names it after the provision (« al. 179b) du RIPR »).
 */
export const ACTS = {
  IRPA: {
    EN: 'Immigration and Refugee Protection Act',
    FR: 'Loi sur l’immigration et la protection des réfugiés',
    FR_OF: 'de la LIPR',
  },
  IRPR: {
    EN: 'Immigration and Refugee Protection Regulations',
    FR: 'Règlement sur l’immigration et la protection des réfugiés',
    FR_OF: 'du RIPR',
  },
  ATIA: {
    EN: 'Access to Information Act',
    FR: 'Loi sur l’accès à l’information',
    FR_OF: 'de la LAI',
  },
  'Privacy Act': {
    EN: 'Privacy Act',
    FR: 'Loi sur la protection des renseignements personnels',
    FR_OF: 'de la LPRP',
  },
  'Citizenship Act': {
    EN: 'Citizenship Act',
    FR: 'Loi sur la citoyenneté',
    FR_OF: 'de la Loi sur la citoyenneté',
  },
  'Customs Act': { EN: 'Customs Act', FR: 'Loi sur les douanes', FR_OF: 'de la Loi sur les douanes' },
} as const;

const CITATION = new RegExp(
  `^(${Object.keys(ACTS).join('|')}) (s\\. ?)?(\\d+(?:\\.\\d+)?)((?:\\([0-9a-zA-Z.]+\\))*)$`,
);

/** Keeps an abbreviation with its number (« art. 44 » is never broken across lines). */
const NO_BREAK = '\u00a0';

/**
 * The unit a French citation names, by the last division cited: a section is an « article », a
 * subsection (digits) a « paragraphe », a paragraph (a lower-case letter) an « alinéa », a
 * subparagraph (a roman numeral after a paragraph) a « sous-alinéa », a clause (a capital) a
 * « division » (Legistics, Department of Justice).
 */
function frenchUnit(divisions: readonly string[]): string {
  const last = divisions.at(-1);
  if (last === undefined) return 'art.';
  if (/^\d/.test(last)) return 'par.';
  if (/^[A-Z]/.test(last)) return 'div.';
  const paragraphs = divisions.filter((part) => /^[a-z]/.test(part)).length;
  return paragraphs > 1 ? 'sous-al.' : 'al.';
}

/**
 * A provision's citation in a language. English keeps the form it is written in (`IRPR 179(b)`);
 * French writes the unit, the number and the act (« al. 179b) du RIPR »), a paragraph letter
 * without its opening parenthesis and subsections and subparagraphs in parentheses
 * (« sous-al. 5(1)c)(i) de la Loi sur la citoyenneté »). A citation it does not recognise is left
 * as written.
 */
export function citeIn(provision: string, language: Language): string {
  const match = CITATION.exec(provision);
  if (language === 'EN' || !match) return provision;
  const [, act, , section, groups] = match;
  const divisions = [...groups.matchAll(/\(([^)]+)\)/g)].map(([, part]) => part);
  let paragraphWritten = false;
  const french = divisions
    .map((part) => {
      if (/^\d/.test(part) || paragraphWritten) return `(${part})`;
      paragraphWritten = true;
      return `${part})`;
    })
    .join('');
  return `${frenchUnit(divisions)}${NO_BREAK}${section}${french} ${ACTS[act as keyof typeof ACTS].FR_OF}`;
}

/** A citation as a text: written in each language's form when the answer's language is known. */
export function citation(provision: string): Text {
  return { render: (language) => citeIn(provision, language) };
}
