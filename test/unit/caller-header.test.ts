import { generateKeyPair, SignJWT } from 'jose';
import { ANONYMOUS, Caller } from '../../platform/caller';
import { generateCallerKeys, signCaller, verifyCaller } from '../../platform/caller-header';

/** The caller the gateway forwards: only the gateway can sign it, and only the subgraphs it names accept it. */
const applicant: Caller = {
  role: 'applicant',
  subject: '1234-5678',
  scopes: ['case:read'],
  clientId: 'portal',
};
const call = {
  caller: applicant,
  requestId: 'request-1',
  purpose: 'request' as const,
  operation: 'query' as const,
  language: 'FR' as const,
};

async function keys() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return { signingKey: privateKey, verifyingKey: publicKey };
}

describe('the signed caller', () => {
  it('is accepted by the subgraph it was signed for and those it asks, with the request id, and by no other', async () => {
    const { signingKey, verifyingKey } = await keys();
    const header = await signCaller(call, ['atip', 'ircc-case'], signingKey);
    expect(await verifyCaller(header, verifyingKey, 'atip')).toEqual(call);
    expect(await verifyCaller(header, verifyingKey, 'ircc-case')).toEqual(call);
    expect(await verifyCaller(header, verifyingKey, 'audit')).toBeNull();
  });

  it('is refused when signed by any other key, with a shared secret, tampered, expired or missing', async () => {
    const { verifyingKey } = await keys();
    const other = await keys();
    expect(
      await verifyCaller(await signCaller(call, ['atip'], other.signingKey), verifyingKey, 'atip'),
    ).toBeNull();
    const claims = { role: 'officer', scope: 'case:read', purpose: 'request' };
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('one-window-gateway')
      .setAudience('atip')
      .setJti('r')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode('a secret every subgraph would hold'));
    expect(await verifyCaller(hmac, verifyingKey, 'atip')).toBeNull();
    const { signingKey } = await keys();
    const valid = await signCaller(call, ['atip'], signingKey);
    const [head, payload, signature] = valid.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'officer' }),
    ).toString('base64url');
    const pair = await keys();
    expect(await verifyCaller(`${head}.${forged}.${signature}`, pair.verifyingKey, 'atip')).toBeNull();
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('one-window-gateway')
      .setAudience('atip')
      .setJti('r')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1)
      .sign(pair.signingKey);
    expect(await verifyCaller(expired, pair.verifyingKey, 'atip')).toBeNull();
    expect(await verifyCaller(undefined, pair.verifyingKey, 'atip')).toBeNull();
  });

  it('cannot be minted with the key the subgraphs hold', async () => {
    const { verifyingKey } = await keys();
    await expect(signCaller(call, ['atip'], verifyingKey)).rejects.toThrow();
  });

  it('carries no caller when the gateway signs its own audit write', async () => {
    const { signingKey, verifyingKey } = await keys();
    const header = await signCaller(
      { ...call, purpose: 'record-access', operation: 'mutation', nonce: 'n-1' },
      ['audit'],
      signingKey,
    );
    expect(await verifyCaller(header, verifyingKey, 'audit')).toEqual({
      caller: ANONYMOUS,
      requestId: 'request-1',
      purpose: 'record-access',
      operation: 'mutation',
      nonce: 'n-1',
      language: 'FR',
    });
  });

  it('round-trips through the PEM form npm start hands the processes', async () => {
    const pem = await generateCallerKeys();
    expect(pem.signingKey).toMatch(/BEGIN PRIVATE KEY/);
    expect(pem.verifyingKey).toMatch(/BEGIN PUBLIC KEY/);
  });
});
