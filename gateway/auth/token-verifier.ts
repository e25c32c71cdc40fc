import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, KeyLike } from 'jose';
import { ANONYMOUS, Caller, Role, ROLES } from '../../platform/caller';
import { unauthenticated } from '../../platform/errors';
import { BoundedCache, digestKey, stringBytes } from '../../platform/bounded-cache';
import { positiveInteger } from '../../platform/config';
import { gatewayMessages } from '../messages/catalogue';
import { Text } from '../../platform/language/catalogue';

export const ALLOWED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

export interface TokenSettings {
  issuer: string;
  audience: string;
  /** Production: the identity provider's JWKS URL. */
  jwksUrl?: string;
  /** Development and tests: the one public key to trust. */
  publicKey?: KeyLike;
  /** Seconds of clock difference with the identity provider tolerated on `exp` and `nbf`. */
  clockToleranceSeconds?: number;
}

export function tokenSettings(env: NodeJS.ProcessEnv = process.env): Omit<TokenSettings, 'publicKey'> {
  return {
    issuer: env.ONE_WINDOW_TOKEN_ISSUER ?? 'https://one-window.local/dev',
    audience: env.ONE_WINDOW_TOKEN_AUDIENCE ?? 'one-window',
    jwksUrl: env.ONE_WINDOW_JWKS_URL,
    clockToleranceSeconds: positiveInteger(
      env.ONE_WINDOW_TOKEN_CLOCK_TOLERANCE,
      30,
      'ONE_WINDOW_TOKEN_CLOCK_TOLERANCE',
    ),
  };
}

/** Header types an access token may carry: none, plain JWT, or RFC 9068's access-token type; an ID token or any other kind is refused. */
const ACCESS_TOKEN_TYPES = new Set(['jwt', 'at+jwt', 'application/at+jwt']);

export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>;

/**
 * Verifies `Authorization: Bearer <JWT>`: signature (asymmetric algorithms only, so `none` and
 * HMAC-with-a-public-key tokens fail), issuer, audience, expiry and not-before. No header means
 * an anonymous caller, who sees only the public part of the schema; a bad token is refused.
 */
export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const keys = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : settings.publicKey;
  if (!keys) throw new Error('token verification needs a JWKS URL or a public key');
  // Keyed by the token's digest: what is held per token is its caller, whatever the token's size.
  const accepted = new BoundedCache<Caller>(
    { maxEntries: 10_000, maxBytes: 8 * 1024 * 1024 },
    (key, caller) => stringBytes(key + JSON.stringify(caller)),
  );
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated(gatewayMessages.text('token.header'));
    const key = digestKey(match[1]);
    const known = accepted.get(key);
    if (known) return known;
    let payload: JWTPayload;
    let type: string | undefined;
    try {
      // Both overloads take a key or a key set; TypeScript cannot pick one for the union.
      ({
        payload,
        protectedHeader: { typ: type },
      } = await jwtVerify(match[1], keys as Parameters<typeof jwtVerify>[1] & KeyLike, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ALLOWED_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: settings.clockToleranceSeconds ?? 30,
      }));
    } catch (error) {
      throw unauthenticated(reason(error));
    }
    if (type !== undefined && !ACCESS_TOKEN_TYPES.has(type.toLowerCase()))
      throw unauthenticated(gatewayMessages.text('token.type', { type }));
    const role = payload.role as Role;
    if (!ROLES.includes(role))
      throw unauthenticated(
        gatewayMessages.text('token.role', { roles: ROLES.map((role) => `\`${role}\``).join(', ') }),
      );
    const caller: Caller = {
      role,
      subject: payload.sub ?? null,
      scopes: scopesOf(payload),
      clientId:
        typeof payload.azp === 'string'
          ? payload.azp
          : typeof payload.client_id === 'string'
            ? payload.client_id
            : null,
    };
    // The same token verified again gives the same caller until it expires (no tolerance here);
    // at most a few minutes, so a key withdrawn from the JWKS stops being trusted soon after.
    accepted.set(key, caller, Math.min(payload.exp! * 1000, Date.now() + REVERIFY_AFTER_MS));
    return caller;
  };
}

/** How long a verified token is taken on trust before its signature is checked again. */
const REVERIFY_AFTER_MS = 5 * 60_000;

/** RFC 9068's space-separated `scope`, or the `scp` array some identity providers issue instead. */
function scopesOf(payload: JWTPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(/\s+/).filter(Boolean);
  if (Array.isArray(payload.scp))
    return payload.scp.filter((scope): scope is string => typeof scope === 'string' && scope.length > 0);
  return [];
}

function reason(error: unknown): Text {
  if (error instanceof errors.JWTExpired) return gatewayMessages.text('token.expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return gatewayMessages.text('token.notYetValid');
    return gatewayMessages.text('token.claim', { claim: error.claim });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return gatewayMessages.text('token.algorithm');
  return gatewayMessages.text('token.unverified');
}
