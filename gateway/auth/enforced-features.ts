/**
 * Apollo Gateway refuses a supergraph whose security features it cannot enforce itself, which
 * is right: a gateway that ignored @requiresScopes would serve everything to everyone. This
 * gateway enforces @authenticated and @requiresScopes before planning (AuthorizingGateway), so
 * it hands Apollo Gateway the supergraph with those two features marked as handled. The
 * directives themselves stay in the SDL, where the access policy reads them.
 */
const ENFORCED_HERE =
  /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes)\/v[\d.]+"), for: SECURITY\)/g;

export function markAuthorizationEnforced(supergraphSdl: string): string {
  return supergraphSdl.replace(ENFORCED_HERE, '$1)');
}
