import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import nock from 'nock';
import { createTokenVerifier } from '../../gateway/auth/token-verifier';

/** Production verification: keys come from the identity provider's JWKS, simulated here with nock. */
const IDP = 'https://idp.example.gc.ca';
const settings = { issuer: IDP, audience: 'one-window', jwksUrl: `${IDP}/.well-known/jwks.json` };

afterAll(() => {
  nock.cleanAll();
  nock.restore();
});

async function keyPair(alg: 'RS256' | 'EdDSA', kid: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

const sign = (privateKey: Parameters<SignJWT['sign']>[0], alg: string, kid: string) =>
  new SignJWT({ role: 'partner', scope: 'border:travel', azp: 'partner-system' })
    .setProtectedHeader({ alg, kid })
    .setSubject('partner-1')
    .setIssuer(IDP)
    .setAudience('one-window')
    .setExpirationTime('5m')
    .sign(privateKey);

describe('tokens verified against a JWKS URL', () => {
  it('accepts RS256 and EdDSA tokens signed by keys the JWKS publishes, and refuses others', async () => {
    const rsa = await keyPair('RS256', 'rsa-1');
    const ed = await keyPair('EdDSA', 'ed-1');
    const stranger = await keyPair('RS256', 'rsa-unknown');
    nock(IDP)
      .get('/.well-known/jwks.json')
      .times(3)
      .reply(200, { keys: [rsa.jwk, ed.jwk] });
    const verify = createTokenVerifier(settings);

    expect(await verify(`Bearer ${await sign(rsa.privateKey, 'RS256', 'rsa-1')}`)).toEqual({
      role: 'partner',
      subject: 'partner-1',
      scopes: ['border:travel'],
      clientId: 'partner-system',
    });
    expect((await verify(`Bearer ${await sign(ed.privateKey, 'EdDSA', 'ed-1')}`)).role).toBe('partner');
    await expect(
      verify(`Bearer ${await sign(stranger.privateKey, 'RS256', 'rsa-unknown')}`),
    ).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  });
});

describe('what an access token may say', () => {
  const local = async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const verify = createTokenVerifier({ issuer: IDP, audience: 'one-window', publicKey });
    const token = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
      new SignJWT({ role: 'partner', ...claims })
        .setProtectedHeader({ alg: 'ES256', ...header })
        .setSubject('partner-1')
        .setIssuer(IDP)
        .setAudience('one-window');
    return { verify, token, privateKey };
  };

  it("reads scopes from RFC 9068's scope string or from an scp array", async () => {
    const { verify, token, privateKey } = await local();
    const fromString = await token({ scope: 'border:travel case:read' })
      .setExpirationTime('5m')
      .sign(privateKey);
    const fromArray = await token({ scp: ['border:travel', 'case:read', 7] })
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await verify(`Bearer ${fromString}`)).scopes).toEqual(['border:travel', 'case:read']);
    expect((await verify(`Bearer ${fromArray}`)).scopes).toEqual(['border:travel', 'case:read']);
  });

  it('tolerates 30 seconds of clock difference, and no more', async () => {
    const { verify, token, privateKey } = await local();
    const now = Math.floor(Date.now() / 1000);
    await expect(
      verify(
        `Bearer ${await token({})
          .setExpirationTime(now - 20)
          .sign(privateKey)}`,
      ),
    ).resolves.toMatchObject({ role: 'partner' });
    await expect(
      verify(
        `Bearer ${await token({})
          .setExpirationTime(now - 40)
          .sign(privateKey)}`,
      ),
    ).rejects.toMatchObject({ message: 'The token has expired.' });
    await expect(
      verify(
        `Bearer ${await token({})
          .setNotBefore(now + 20)
          .setExpirationTime(now + 300)
          .sign(privateKey)}`,
      ),
    ).resolves.toMatchObject({ role: 'partner' });
  });

  it('accepts the access-token type when a type is given, and refuses any other kind of token', async () => {
    const { verify, token, privateKey } = await local();
    for (const typ of ['at+jwt', 'application/at+jwt', 'JWT']) {
      await expect(
        verify(`Bearer ${await token({}, { typ }).setExpirationTime('5m').sign(privateKey)}`),
      ).resolves.toMatchObject({ role: 'partner' });
    }
    for (const typ of ['secevent+jwt', 'logout+jwt', 'dpop+jwt']) {
      await expect(
        verify(`Bearer ${await token({}, { typ }).setExpirationTime('5m').sign(privateKey)}`),
      ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });
});

describe('a token verified once', () => {
  it('gives the same caller again without a second check, until it expires; then it is refused', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const verify = createTokenVerifier({
      issuer: IDP,
      audience: 'one-window',
      publicKey,
      clockToleranceSeconds: 0,
    });
    const token = await new SignJWT({ role: 'applicant' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('1234-5678')
      .setIssuer(IDP)
      .setAudience('one-window')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 1)
      .sign(privateKey);
    const first = await verify(`Bearer ${token}`);
    expect(await verify(`Bearer ${token}`)).toEqual(first);
    // A token that differs in one byte of its signature is a different token, checked afresh.
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verify(`Bearer ${tampered}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
