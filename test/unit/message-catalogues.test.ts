import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCatalogue } from '../../platform/language/catalogue';

const ROOT = path.join(__dirname, '..', '..');

/** Every message folder: one `en.json` and one `fr.json`, anywhere in the source tree. */
function catalogueFolders(folder = ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || ['node_modules', 'dist', '.git', 'data'].includes(entry.name)) continue;
    const child = path.join(folder, entry.name);
    const files = readdirSync(child);
    if (files.includes('en.json') && files.includes('fr.json')) found.push(child);
    found.push(...catalogueFolders(child));
  }
  return found;
}

type Messages = Record<string, string>;
const read = (folder: string, language: string): Messages =>
  JSON.parse(readFileSync(path.join(folder, `${language}.json`), 'utf8')) as Messages;

/** What a parameter takes: a number may be written plainly in one language and pluralized in the other. */
const KIND: Record<number, string> = {
  1: 'text',
  2: 'number',
  3: 'date',
  4: 'time',
  5: 'select',
  6: 'number',
};

/** A message's parameters and the kind of value each takes, nested ones included. */
function parametersOf(message: string): string[] {
  const found = new Set<string>();
  const visit = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal) {
        found.add(`${element.value}:${KIND[element.type]}`);
      }
      if ('options' in element) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
    }
  };
  visit(parse(message, { ignoreTag: true }));
  return [...found].sort();
}

/** A value of the right kind for each parameter, so that every message can be written out. */
function sampleValues(message: string): Record<string, string | number | Date> {
  return Object.fromEntries(
    parametersOf(message).map((parameter) => {
      const [name, kind] = parameter.split(':');
      if (kind === 'number') return [name, 2];
      if (kind === 'date' || kind === 'time') return [name, new Date('2026-11-01T00:00:00Z')];
      return [name, 'x'];
    }),
  );
}

const folders = catalogueFolders();

describe('the message catalogues', () => {
  it('are found for the gateway, the shared layer, the kit and every subgraph', () => {
    const names = folders.map((folder) => path.relative(ROOT, folder));
    expect(names).toEqual(
      expect.arrayContaining([
        'platform/messages',
        'gateway/messages',
        'gateway/messages/graphql-js',
        'subgraphs/kit/messages',
        'subgraphs/ircc-case/messages',
        'subgraphs/cbsa-border/messages',
        'subgraphs/atip/messages',
        'subgraphs/audit/messages',
      ]),
    );
  });

  describe.each(folders.map((folder) => [path.relative(ROOT, folder), folder]))('%s', (_name, folder) => {
    const en = read(folder, 'en');
    const fr = read(folder, 'fr');

    it('has every message in English and in French', () => {
      expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(en[key].trim()).not.toBe('');
        expect(fr[key].trim()).not.toBe('');
      }
    });

    it('gives each message the same parameters, of the same kinds, in both languages', () => {
      for (const key of Object.keys(en)) {
        expect({ key, parameters: parametersOf(fr[key]) }).toEqual({
          key,
          parameters: parametersOf(en[key]),
        });
      }
    });

    it('writes French with the typographic apostrophe, which ICU never reads as a quote', () => {
      for (const key of Object.keys(fr))
        expect({ key, text: fr[key] }).not.toEqual({ key, text: expect.stringContaining("'") });
    });

    it('can write out every message in both languages', () => {
      const catalogue = defineCatalogue({ EN: en, FR: fr });
      for (const key of Object.keys(en)) {
        const values = sampleValues(en[key]);
        expect(catalogue.format('EN', key, values)).not.toMatch(/\{\w+[},]/);
        expect(catalogue.format('FR', key, values)).not.toMatch(/\{\w+[},]/);
      }
    });
  });
});
