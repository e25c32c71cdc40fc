import { IncomingMessage } from 'node:http';
import { inLanguageOfRequest, matchLiterals } from '../../gateway/messages/graphql-js-messages';
import { ClientAddresses } from '../../gateway/traffic/client-address';
import { createTokenVerifier } from '../../gateway/auth/token-verifier';
import { negotiateLanguage } from '../../platform/language/language';
import { citeIn } from '../../platform/language/citations';
import { normalizeApplicationNumber, normalizeUci } from '../../platform/identifiers';
import { generateKeyPair } from 'jose';

/**
 * Everything run on what a caller sends — error messages quoting it, Accept-Language,
 * X-Forwarded-For, the Authorization header, identifiers — takes time linear in its length: each
 * is given 1 MB shaped to make a backtracking pattern or a quadratic loop take hours. A run that
 * finishes at all is the proof; nothing here times it.
 */
const MB = 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

describe('on 1 MB of crafted input', () => {
  it('translating a graphql-js message reads each part once, and only the first few', () => {
    for (const unit of [
      '"',
      '"; ',
      'Cannot query field "',
      '" on type "',
      'x" of type "',
      '; Did you mean ',
    ]) {
      const message = `Cannot query field "${fill(unit)}" on type "Client"`;
      const french = inLanguageOfRequest(
        { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        'FR',
      );
      expect(french.message.length).toBeGreaterThanOrEqual(message.length - MB / 10);
    }
    const manyParts = fill('Unknown type "X".; ');
    expect(
      inLanguageOfRequest({ message: manyParts, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, 'FR').message
        .length,
    ).toBeGreaterThan(MB - 100);
  });

  it('template matching takes the shortest value up to each piece and the rest up to the last', () => {
    expect(
      matchLiterals(['Cannot query field "', '" on type "', '".'], 'Cannot query field "a" on type "B".'),
    ).toEqual(['a', 'B']);
    expect(matchLiterals(['Unknown type "', '".'], 'Unknown type "A".".')).toEqual(['A".']);
    // A caller's empty string is a value too: `Value "" does not exist in "E" enum.`
    expect(matchLiterals(['Unknown type "', '".'], 'Unknown type "".')).toEqual(['']);
    expect(matchLiterals(['Unknown type "', '".'], 'Unknown type ".')).toBeNull();
    expect(matchLiterals(['Expected ', ', found ', '.'], fill('Expected , found .'))).not.toBeUndefined();
  });

  it('Accept-Language is read in one pass', () => {
    for (const unit of ['fr;q=', ' ', 'fr;q=0.5 ;', ',', 'en-', ';q=1.000 '])
      expect(negotiateLanguage(fill(unit))).not.toBeUndefined();
  });

  it('X-Forwarded-For is read from the right, a few hops at most', () => {
    const addresses = new ClientAddresses(['127.0.0.1/32']);
    for (const unit of ['10.0.0.1,', ',', '::ffff:', '1.2.3.4, 127.0.0.1,'])
      expect(
        addresses.of({
          socket: { remoteAddress: '127.0.0.1' },
          headers: { 'x-forwarded-for': fill(unit) },
        } as unknown as IncomingMessage),
      ).toMatch(/./);
  });

  it('the Authorization header is refused without backtracking', async () => {
    const { publicKey } = await generateKeyPair('EdDSA');
    const verify = createTokenVerifier({ issuer: 'i', audience: 'a', publicKey });
    for (const header of [
      `Bearer ${fill(' ')}x`,
      `Bearer${fill('\t')}`,
      fill('Bearer '),
      `Bearer ${fill('a.')}`,
    ])
      await expect(verify(header)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('identifiers and citations are checked in one pass', () => {
    expect(() => normalizeUci(fill('1-'))).toThrow();
    expect(() => normalizeUci(`${fill(' ')}x`)).toThrow();
    expect(() => normalizeApplicationNumber(fill('W1'))).toThrow();
    expect(citeIn(`Privacy Act s.1${fill('(a)')}x`, 'FR')).toMatch(/^Privacy Act/);
  });
});
