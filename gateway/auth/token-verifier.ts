import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, KeyLike } from 'jose';
import { ANONYMOUS, Caller, Role, ROLES } from '../../subgraphs/kit/access/caller';
import { unauthenticated } from '../../subgraphs/kit/errors';

export const ALLOWED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

export interface TokenSettings {
  issuer: string;
  audience: string;
  /** Production: the identity provider's JWKS URL. */
  jwksUrl?: string;
  /** Development and tests: the one public key to trust. */
  publicKey?: KeyLike;
}

export function tokenSettings(env: NodeJS.ProcessEnv = process.env): Omit<TokenSettings, 'publicKey'> {
  return {
    issuer: env.ONE_WINDOW_TOKEN_ISSUER ?? 'https://one-window.local/dev',
    audience: env.ONE_WINDOW_TOKEN_AUDIENCE ?? 'one-window',
    jwksUrl: env.ONE_WINDOW_JWKS_URL,
  };
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>;

/**
 * Verifies `Authorization: Bearer <JWT>`: signature (asymmetric algorithms only, so `none` and
 * HMAC-with-a-public-key tokens fail), issuer, audience, expiry and not-before. No header means
 * an anonymous caller, who sees only the public part of the schema; a bad token is refused.
 */
export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const keys = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : settings.publicKey;
  if (!keys) throw new Error('token verification needs a JWKS URL or a public key');
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    let payload: JWTPayload;
    try {
      // Both overloads take a key or a key set; TypeScript cannot pick one for the union.
      ({ payload } = await jwtVerify(match[1], keys as Parameters<typeof jwtVerify>[1] & KeyLike, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ALLOWED_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw unauthenticated(reason(error));
    }
    const role = payload.role as Role;
    if (!ROLES.includes(role)) throw unauthenticated(`The token's role must be one of ${ROLES.join(', ')}.`);
    return {
      role,
      subject: payload.sub ?? null,
      scopes: typeof payload.scope === 'string' ? payload.scope.split(/\s+/).filter(Boolean) : [],
      clientId: typeof payload.azp === 'string' ? payload.azp : typeof payload.client_id === 'string' ? payload.client_id : null,
    };
  };
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet.';
    return `The token's "${error.claim}" claim is not accepted here.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this service does not accept.';
  return 'The token could not be verified.';
}
