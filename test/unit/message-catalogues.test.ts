import path from 'node:path';
import { defineCatalogue } from '../../platform/language/catalogue';
import { catalogueFolders, parametersOf, readMessages, ROOT, sampleValueSets } from '../fixtures/catalogues';

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
    const en = readMessages(folder, 'en');
    const fr = readMessages(folder, 'fr');

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
        for (const values of sampleValueSets(en[key], fr[key])) {
          expect(catalogue.format('EN', key, values)).not.toMatch(/\{\w+[},]/);
          expect(catalogue.format('FR', key, values)).not.toMatch(/\{\w+[},]/);
        }
      }
    });
  });
});
