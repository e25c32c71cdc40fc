import {
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  jwtVerify,
  KeyLike,
  SignJWT,
} from 'jose';
import { createHash } from 'node:crypto';
import { ANONYMOUS, Caller, Role } from './caller';
import { BoundedCache, digestKey, stringBytes } from './bounded-cache';
import { isLanguage, Language } from './language/language';

/**
 * The gateway forwards the verified caller to each subgraph in a short-lived token it signs with
 * a private key only it holds; subgraphs hold the public key, so none of them can mint a caller,
 * and a subgraph refuses any request without a valid one, so reaching its port directly gives
 * nothing away. The token names the subgraphs it is for (its audience: the one called, and those
 * it asks on the caller's behalf) and the request it belongs to.
 */
export const CALLER_HEADER = 'x-one-window-caller';
/** The gateway's id for the request, beside the caller: for logs, never for a decision (it is not signed). */
export const REQUEST_ID_HEADER = 'x-one-window-request-id';
const ALGORITHM = 'EdDSA';
const ISSUER = 'one-window-gateway';

/** No request runs longer than this; a captured header is useless after it. */
export const FORWARDED_CALLER_LIFETIME_SECONDS = 30;

/** Why the gateway signed: a caller's request, or its own write of the audit record. */
export type ForwardPurpose = 'request' | 'record-access';

export interface ForwardedCall {
  caller: Caller;
  /** The request an audit write records; on a caller's header, the id of the signature, which is reused across requests. */
  requestId: string;
  purpose: ForwardPurpose;
  /** What the caller's operation may do there: only a header signed for a mutation lets a subgraph write. */
  operation: 'query' | 'mutation';
  /** A value used once: the audit subgraph takes each record-access header one time only. */
  nonce?: string;
  /**
   * On an audit write, the digest of the requests whose records it carries, in order
   * (recordsDigest): it writes those and no others. A digest, not the list, so that a header
   * stays the same small size whatever the batch.
   */
  records?: string;
  /** The language the gateway settled for the answer: every subgraph writes its texts in it. */
  language: Language;
}

/** The gateway's signing key, from its PKCS#8 PEM. */
export function signingKeyFromPem(pem: string): Promise<KeyLike> {
  return importPKCS8(pem, ALGORITHM);
}

/** The key subgraphs check the gateway's signature with, from its SPKI PEM. */
export function verifyingKeyFromPem(pem: string): Promise<KeyLike> {
  return importSPKI(pem, ALGORITHM);
}

/** A fresh key pair, as PEM, for a development run or a deployment's key ceremony. */
export async function generateCallerKeys(): Promise<{ signingKey: string; verifyingKey: string }> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
  return { signingKey: await exportPKCS8(privateKey), verifyingKey: await exportSPKI(publicKey) };
}

export function signCaller(
  call: ForwardedCall,
  audience: readonly string[],
  signingKey: KeyLike,
): Promise<string> {
  const { caller, requestId, purpose, operation, nonce, records, language } = call;
  return new SignJWT({
    role: caller.role,
    scope: caller.scopes.join(' '),
    client_id: caller.clientId,
    purpose,
    operation,
    language,
    ...(nonce ? { nonce } : {}),
    ...(records ? { records } : {}),
  })
    .setProtectedHeader({ alg: ALGORITHM })
    .setIssuer(ISSUER)
    .setSubject(caller.subject ?? '')
    .setAudience([...audience])
    .setJti(requestId)
    .setIssuedAt()
    .setExpirationTime(`${FORWARDED_CALLER_LIFETIME_SECONDS}s`)
    .sign(signingKey);
}

/** The call the header names, or null when it is missing, forged, expired or for another subgraph. */
export async function verifyCaller(
  header: string | undefined,
  verifyingKey: KeyLike,
  subgraph: string,
): Promise<ForwardedCall | null> {
  return header ? ((await verifiedClaims(header, verifyingKey, subgraph))?.call ?? null) : null;
}

/**
 * verifyCaller for one subgraph, remembering each header it accepted until the header expires:
 * the gateway reuses a caller's header for many requests, and the same bytes verified once need
 * no second signature check. A header refused once is checked again each time (nothing learnt).
 */
export function callerVerifier(verifyingKey: KeyLike, subgraph: string) {
  const accepted = new BoundedCache<ForwardedCall>(
    { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024 },
    (key, call) => stringBytes(key + JSON.stringify(call)),
  );
  return async (header: string | undefined): Promise<ForwardedCall | null> => {
    if (!header) return null;
    const key = digestKey(header);
    const known = accepted.get(key);
    if (known) return known;
    const verified = await verifiedClaims(header, verifyingKey, subgraph);
    if (!verified) return null;
    accepted.set(key, verified.call, verified.expiresAt);
    return verified.call;
  };
}

async function verifiedClaims(
  header: string,
  verifyingKey: KeyLike,
  subgraph: string,
): Promise<{ call: ForwardedCall; expiresAt: number } | null> {
  try {
    const { payload } = await jwtVerify(header, verifyingKey, {
      issuer: ISSUER,
      audience: subgraph,
      algorithms: [ALGORITHM],
      requiredClaims: ['jti', 'exp'],
    });
    const purpose: ForwardPurpose = payload.purpose === 'record-access' ? 'record-access' : 'request';
    const caller: Caller = {
      role: payload.role as Role,
      subject: payload.sub || null,
      scopes: typeof payload.scope === 'string' && payload.scope ? payload.scope.split(' ') : [],
      clientId: typeof payload.client_id === 'string' ? payload.client_id : null,
    };
    const call: ForwardedCall = {
      caller: purpose === 'request' ? caller : ANONYMOUS,
      requestId: payload.jti!,
      purpose,
      operation: payload.operation === 'mutation' ? 'mutation' : 'query',
      language: isLanguage(payload.language) ? payload.language : 'EN',
      ...(typeof payload.nonce === 'string' ? { nonce: payload.nonce } : {}),
      ...(typeof payload.records === 'string' ? { records: payload.records } : {}),
    };
    return { call, expiresAt: payload.exp! * 1000 };
  } catch {
    return null;
  }
}

/** What an audit write's header names: the SHA-256 of its requests' ids, in order, unambiguously joined. */
export function recordsDigest(requestIds: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(requestIds)).digest('base64url');
}
