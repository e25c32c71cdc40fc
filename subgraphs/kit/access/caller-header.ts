import { jwtVerify, SignJWT } from 'jose';
import { Caller, Role } from './caller';

/**
 * The gateway forwards the verified caller to subgraphs in a short-lived token signed with a
 * secret only the gateway and the subgraphs hold; a subgraph refuses any request without one,
 * so reaching its port directly gives nothing away.
 */
export const CALLER_HEADER = 'x-one-window-caller';
const AUDIENCE = 'one-window-subgraphs';
const LIFETIME_SECONDS = 60;

export function internalSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const secret = env.ONE_WINDOW_INTERNAL_SECRET;
  if (!secret || secret.length < 32) throw new Error('ONE_WINDOW_INTERNAL_SECRET must be set to at least 32 characters');
  return new TextEncoder().encode(secret);
}

export function signCaller(caller: Caller, secret: Uint8Array): Promise<string> {
  return new SignJWT({ role: caller.role, scope: caller.scopes.join(' '), client_id: caller.clientId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.subject ?? '')
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(secret);
}

/** The caller the header names, or null when it is missing, forged, expired or for someone else. */
export async function verifyCaller(header: string | undefined, secret: Uint8Array): Promise<Caller | null> {
  if (!header) return null;
  try {
    const { payload } = await jwtVerify(header, secret, { audience: AUDIENCE, algorithms: ['HS256'] });
    return {
      role: payload.role as Role,
      subject: payload.sub || null,
      scopes: typeof payload.scope === 'string' && payload.scope ? payload.scope.split(' ') : [],
      clientId: typeof payload.client_id === 'string' ? payload.client_id : null,
    };
  } catch {
    return null;
  }
}
