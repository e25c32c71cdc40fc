import { KeyLike, SignJWT } from 'jose';
import { Role } from '../../platform/caller';
import { DEV_ALGORITHM } from '../../gateway/auth/dev-trust';

export interface TokenRequest {
  subject: string;
  role: Role;
  scopes: string[];
  /** A jose time span such as "15m" or "8h". */
  ttl?: string;
  clientId?: string;
  issuer: string;
  audience: string;
}

/** A development token, signed as an identity provider would sign a real one (an RFC 9068 access token). */
export function mintToken(privateKey: KeyLike, kid: string, request: TokenRequest): Promise<string> {
  return new SignJWT({
    role: request.role,
    scope: request.scopes.join(' '),
    azp: request.clientId ?? 'one-window-dev',
  })
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid, typ: 'at+jwt' })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(request.ttl ?? '15m')
    .sign(privateKey);
}
