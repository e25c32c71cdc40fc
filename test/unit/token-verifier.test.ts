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
    nock(IDP).get('/.well-known/jwks.json').times(3).reply(200, { keys: [rsa.jwk, ed.jwk] });
    const verify = createTokenVerifier(settings);

    expect(await verify(`Bearer ${await sign(rsa.privateKey, 'RS256', 'rsa-1')}`)).toEqual({
      role: 'partner', subject: 'partner-1', scopes: ['border:travel'], clientId: 'partner-system',
    });
    expect((await verify(`Bearer ${await sign(ed.privateKey, 'EdDSA', 'ed-1')}`)).role).toBe('partner');
    await expect(verify(`Bearer ${await sign(stranger.privateKey, 'RS256', 'rsa-unknown')}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  });
});
