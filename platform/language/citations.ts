import { Text } from './catalogue';
import { Language } from './language';

/**
 * The acts and regulations One Window cites, with their official abbreviation in each language:
 * a provision keeps its citation in both (IRPR 179(b) is RIPR 179b) in French).
 */
export const ACTS = {
  IRPA: {
    EN: 'Immigration and Refugee Protection Act',
    FR: 'Loi sur l’immigration et la protection des réfugiés',
    FR_ABBREVIATION: 'LIPR',
  },
  IRPR: {
    EN: 'Immigration and Refugee Protection Regulations',
    FR: 'Règlement sur l’immigration et la protection des réfugiés',
    FR_ABBREVIATION: 'RIPR',
  },
  ATIA: {
    EN: 'Access to Information Act',
    FR: 'Loi sur l’accès à l’information',
    FR_ABBREVIATION: 'LAI',
  },
  'Privacy Act': {
    EN: 'Privacy Act',
    FR: 'Loi sur la protection des renseignements personnels',
    FR_ABBREVIATION: 'LPRP',
  },
  'Citizenship Act': {
    EN: 'Citizenship Act',
    FR: 'Loi sur la citoyenneté',
    FR_ABBREVIATION: 'Loi sur la citoyenneté',
  },
  'Customs Act': { EN: 'Customs Act', FR: 'Loi sur les douanes', FR_ABBREVIATION: 'Loi sur les douanes' },
} as const;

const CITATION = new RegExp(
  `^(${Object.keys(ACTS).join('|')}) (s\\.)?(\\d+(?:\\.\\d+)?)((?:\\([0-9a-z.]+\\))*)$`,
);

/**
 * A provision's citation in a language. French writes a paragraph letter without its opening
 * parenthesis, after the section or subsection (`216(1)b)`), and keeps subsections and
 * subparagraphs in parentheses (`5(1)c)(i)`). A citation it does not recognise is left as written.
 */
export function citeIn(provision: string, language: Language): string {
  const match = CITATION.exec(provision);
  if (language === 'EN' || !match) return provision;
  const [, act, , section, groups] = match;
  let paragraphWritten = false;
  const french = [...groups.matchAll(/\(([^)]+)\)/g)]
    .map(([, part]) => {
      if (/^\d/.test(part) || paragraphWritten) return `(${part})`;
      paragraphWritten = true;
      return `${part})`;
    })
    .join('');
  return `${ACTS[act as keyof typeof ACTS].FR_ABBREVIATION} ${section}${french}`;
}

/** A citation as a text: written in each language's form when the answer's language is known. */
export function citation(provision: string): Text {
  return { render: (language) => citeIn(provision, language) };
}
