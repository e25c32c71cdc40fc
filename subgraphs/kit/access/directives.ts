import { Directive } from 'type-graphql';

/**
 * Federation's access directives, declared next to the types and fields they guard. They are
 * composed into the supergraph, where the gateway enforces them before planning a query.
 */

/** Only callers with a valid token. */
export const Authenticated = () => Directive('@authenticated');

/** Only callers whose token carries every one of these scopes. */
export const RequiresScopes = (...scopes: string[]) =>
  Directive(`@requiresScopes(scopes: [[${scopes.map((s) => JSON.stringify(s)).join(', ')}]])`);

/** The scopes of the data-sharing agreements (README, "Who may see what"). */
export const Scope = {
  CASE_READ: 'case:read',
  CASE_NOTES: 'case:notes',
  BORDER_TRAVEL: 'border:travel',
  BORDER_ENFORCEMENT: 'border:enforcement',
  ATIP_READ: 'atip:read',
  ATIP_WRITE: 'atip:write',
  AUDIT_READ: 'audit:read',
} as const;
