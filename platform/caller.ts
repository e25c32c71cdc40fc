/** Who is asking, as the gateway verified it from the bearer token. */
export type Role = 'applicant' | 'representative' | 'officer' | 'partner' | 'anonymous';

export const ROLES: readonly Role[] = ['applicant', 'representative', 'officer', 'partner'];

export interface Caller {
  role: Role;
  /** The token's subject: a UCI for an applicant, a representative id for a representative. */
  subject: string | null;
  scopes: string[];
  /** The OAuth client the token was issued to (`azp` or `client_id`). */
  clientId: string | null;
}

export const ANONYMOUS: Caller = { role: 'anonymous', subject: null, scopes: [], clientId: null };
