import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { TYPE } from '@formatjs/icu-messageformat-parser';
import { defineCatalogue } from '../../platform/language/catalogue';
import { citeIn } from '../../platform/language/citations';
import { longDate } from '../../platform/language/dates';
import { describedCoordinates } from '../../platform/language/schema-descriptions';
import { argumentsOf, catalogueFolders, readMessages, ROOT, sampleValueSets } from '../fixtures/catalogues';
import { englishFaults, terminologyFaults, typographyFaults } from '../fixtures/french-style';
import { GLOSSARY_FILE, readGlossary } from '../fixtures/glossary';

/**
 * Every French text One Window writes is checked as a Translation Bureau reviewer would check it:
 * the glossary's terms (docs/terminology.md), Canadian typography, and no English outside code.
 */
const glossary = readGlossary();

function frenchFaults(french: string, english?: string): string[] {
  return [
    ...typographyFaults(french),
    ...englishFaults(french, glossary),
    ...terminologyFaults(french, glossary, english),
  ];
}

/** Each text's faults, keyed by where it is; texts without a fault are left out. */
function faultsOf(texts: readonly { where: string; french: string; english?: string }[]) {
  return Object.fromEntries(
    texts
      .map(({ where, french, english }) => [where, frenchFaults(french, english)] as const)
      .filter(([, faults]) => faults.length > 0),
  );
}

describe('the checks a reviewer runs on French', () => {
  it.each([
    ['Valeur reçue : 3', 'a no-break space (U+00A0) goes before a colon'],
    ['Le motif ; voir plus bas', 'no space, or a narrow no-break space (U+202F), before ; ! ?'],
    ['Le champ «\u00a0x»', 'a no-break space goes inside « »'],
    ['Le champ "x"', 'French quotes « » outside code, not "'],
    ['au moins 1 095 jours', 'digits are grouped with a no-break space (1 095), not a space'],
    ['au moins 12345 jours', 'a number of five digits or more is grouped by threes (12 345)'],
    ['des frais de 5 $', 'the symbol follows the number after a no-break space (5 $, 25 %)'],
    ['depuis le 1\u00a0avril 2026', 'the first of the month is « 1er »'],
    [
      'voir art. 44 de la LIPR',
      'a no-break space goes after « art. », « par. », « al. », « sous-al. », « div. »',
    ],
  ])('finds the typographic fault in %j', (text, fault) => {
    expect(typographyFaults(text).map((found) => found.split(':')[0])).toContain(fault.split(':')[0]);
  });

  it('accepts Canadian typography', () => {
    expect(
      typographyFaults(
        'Au moins 1\u00a0095\u00a0jours depuis le 1er\u00a0avril\u00a02026; frais\u00a0: 5\u00a0$ («\u00a0LAI\u00a0»), voir l’al.\u00a0179b) du RIPR et `case:read`.',
      ),
    ).toEqual([]);
  });

  it('finds English words and bare code in French, but not in code', () => {
    expect(englishFaults('il faut scope case:read', glossary)).toEqual([
      '« scope » is English: write it in French',
      '« case:read » is code: put it between backticks',
    ]);
    expect(englishFaults('répond COVERED', glossary)).toEqual([
      '« COVERED » is not an acronym of the glossary: expand it, or put code between backticks',
    ]);
    expect(englishFaults('il faut la portée `case:read` (ASFC, IRCC)', glossary)).toEqual([]);
  });

  it('finds rejected terms, and a paired English term left without its French', () => {
    expect(terminologyFaults('Une ordonnance de renvoi', glossary)).toEqual([
      expect.stringContaining('« ordonnance de renvoi » is rejected: write « mesure de renvoi »'),
    ]);
    expect(terminologyFaults('les notes du STIDI', glossary, 'FOSS notes')).toEqual([
      expect.stringContaining('« STIDI » is rejected'),
      expect.stringContaining('the English says « Field Operations Support System · FOSS »: write'),
    ]);
    expect(terminologyFaults('les notes du SSOBL', glossary, 'FOSS notes')).toEqual([]);
  });
});

describe('the terminology glossary', () => {
  it('gives each term its French and a source, and never rejects what it prescribes', () => {
    expect(glossary.terms.length).toBeGreaterThan(50);
    for (const term of glossary.terms) {
      expect({ term: term.english, french: term.french.length > 0, source: term.source !== '' }).toEqual({
        term: term.english,
        french: true,
        source: true,
      });
      for (const other of glossary.terms)
        for (const french of term.french)
          expect({ french, rejectedBy: other.rejected.filter((form) => form === french) }).toEqual({
            french,
            rejectedBy: [],
          });
    }
  });
});

describe.each(catalogueFolders().map((folder) => [path.relative(ROOT, folder), folder]))(
  'the messages of %s',
  (_name, folder) => {
    const en = readMessages(folder, 'en');
    const fr = readMessages(folder, 'fr');
    const catalogue = defineCatalogue({ EN: en, FR: fr });

    it('are, written out with every kind of value, French a translator would sign', () => {
      const texts = Object.keys(fr).flatMap((key) =>
        sampleValueSets(en[key], fr[key]).map((values) => ({
          where: `${key} ${JSON.stringify(values)}`,
          french: catalogue.format('FR', key, values),
          english: catalogue.format('EN', key, values),
        })),
      );
      expect(faultsOf(texts)).toEqual({});
    });

    it('leave dates to the formatter: each is an argument in the long style, none is written by hand', () => {
      for (const [key, message] of Object.entries(fr)) {
        const styles = argumentsOf(message)
          .filter(({ element }) => element.type === TYPE.date || element.type === TYPE.time)
          .map(({ element }) => ('style' in element ? element.style : null));
        expect({ key, styles: styles.filter((style) => style !== 'long') }).toEqual({ key, styles: [] });
        expect({ key, message }).not.toEqual({
          key,
          message: expect.stringMatching(/\d{1,2}(er)?[ \u00a0]\p{Ll}+[ \u00a0]\d{4}/u),
        });
      }
    });
  },
);

const SUBGRAPHS = readdirSync(path.join(ROOT, 'subgraphs')).filter(
  (name) =>
    readdirSync(path.join(ROOT, 'subgraphs', name)).includes('messages') &&
    readdirSync(path.join(ROOT, 'subgraphs', name, 'messages')).includes('schema.fr.json'),
);

describe.each(SUBGRAPHS)('the French schema descriptions of %s', (name) => {
  it('are French a translator would sign, with the glossary’s term for each term the English uses', () => {
    const french = JSON.parse(
      readFileSync(path.join(ROOT, 'subgraphs', name, 'messages', 'schema.fr.json'), 'utf8'),
    ) as Record<string, string>;
    const english = describedCoordinates(
      parse(readFileSync(path.join(ROOT, 'schema', `${name}.graphql`), 'utf8')),
    );
    expect(
      faultsOf(
        Object.entries(french).map(([coordinate, text]) => ({
          where: coordinate,
          french: text,
          english: english.get(coordinate),
        })),
      ),
    ).toEqual({});
  });
});

/** The French sections of a Markdown page, without fenced code and link targets. */
function frenchProse(markdown: string, heading: string): { where: string; french: string }[] {
  return markdown
    .split(/\n(?=## )/)
    .filter((section) => section.startsWith(`## ${heading}`))
    .flatMap((section) =>
      section
        .replace(/```[\s\S]*?```/g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/\]\([^)]*\)/g, ']')
        .split(/\n[ \t]*\n/)
        .map((paragraph) => ({
          where: paragraph.slice(0, 60),
          french: paragraph.replace(/[ \t\r\n]+/g, ' ').trim(),
        })),
    )
    .filter(({ french }) => french !== '' && !french.startsWith('## '));
}

describe('the French reference (docs/francais.md)', () => {
  it('is French a translator would sign', () => {
    const texts = frenchProse(readFileSync(path.join(ROOT, 'docs', 'francais.md'), 'utf8'), 'En français');
    expect(texts.length).toBeGreaterThan(5);
    expect(faultsOf(texts)).toEqual({});
  });
});

describe('the glossary’s own rules of typography', () => {
  it('are French a translator would sign', () => {
    const texts = frenchProse(readFileSync(GLOSSARY_FILE, 'utf8'), 'Typographie');
    expect(texts.length).toBeGreaterThan(1);
    expect(faultsOf(texts)).toEqual({});
  });
});

describe('texts written at run time', () => {
  it('cite a provision in the French form: unit, number, then the act', () => {
    expect(citeIn('IRPR 179(b)', 'FR')).toBe('al.\u00a0179b) du RIPR');
    expect(citeIn('IRPA 16(1)', 'FR')).toBe('par.\u00a016(1) de la LIPR');
    expect(citeIn('IRPR 220', 'FR')).toBe('art.\u00a0220 du RIPR');
    expect(citeIn('Citizenship Act 5(1)(c)(i)', 'FR')).toBe(
      'sous-al.\u00a05(1)c)(i) de la Loi sur la citoyenneté',
    );
    expect(citeIn('Privacy Act 15(a)(ii)', 'FR')).toBe('sous-al.\u00a015a)(ii) de la LPRP');
    expect(citeIn('ATIA 16(2)(c)', 'FR')).toBe('al.\u00a016(2)c) de la LAI');
    expect(citeIn('IRPA s. 44', 'FR')).toBe('art.\u00a044 de la LIPR');
    expect(citeIn('IRPR 179(b)', 'EN')).toBe('IRPR 179(b)');
  });

  it('write the first of the month as an ordinal, and keep a date on one line', () => {
    expect(longDate(new Date('2026-04-01T00:00:00Z'), 'FR')).toBe('1er\u00a0avril\u00a02026');
    expect(longDate(new Date('2026-08-15T00:00:00Z'), 'FR')).toBe('15\u00a0août\u00a02026');
    expect(longDate(new Date('2026-04-01T00:00:00Z'), 'EN')).toBe('April 1, 2026');
  });
});
