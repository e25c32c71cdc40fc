import { AccessedFile, AccessEvent } from '../../platform/access-event';
import { Caller } from '../../platform/caller';
import { normalizeUci } from '../../platform/identifiers';
import { OperationAnalysis } from '../analysis/operation-analyzer';
import { AccessTally } from './access-tally';

/**
 * What one request did to client files, for the audit trail: every file a subgraph read (naming
 * the fields delivered), every file a subgraph refused (naming everything asked), and every file
 * the caller's scopes kept them from: fields removed on a file that was read, and a field naming
 * a client by UCI that was removed whole (an anonymous or unscoped attempt). Null when the
 * request touched no file.
 */
export function accessEvent(request: {
  tally: AccessTally;
  caller: Caller;
  analysis?: OperationAnalysis;
  operationName: string | null;
  /** Record the request before a write, when no file is known yet. */
  evenWithoutFiles?: boolean;
}): AccessEvent | null {
  const { tally, caller, analysis } = request;
  const files = new Map<string, AccessedFile>();
  const add = (file: AccessedFile) => files.set(`${file.clientUci}|${file.outcome}`, file);
  for (const clientUci of tally.read) add({ clientUci, outcome: 'READ', fieldsShown: 'DELIVERED' });
  for (const clientUci of tally.denied) add({ clientUci, outcome: 'DENIED', fieldsShown: 'ASKED' });
  if (analysis?.refused.length) {
    for (const clientUci of tally.read)
      if (!tally.denied.has(clientUci)) add({ clientUci, outcome: 'DENIED', fieldsShown: 'REFUSED' });
    for (const clientUci of namedClients(analysis)) {
      if (!files.has(`${clientUci}|DENIED`)) add({ clientUci, outcome: 'DENIED', fieldsShown: 'REFUSED' });
    }
  }
  if (files.size === 0 && !request.evenWithoutFiles) return null;
  return {
    requestId: tally.requestId,
    occurredAt: (tally.recordedAt ??= new Date().toISOString()),
    readerSubject: caller.subject,
    readerRole: caller.role,
    readerClientId: caller.clientId,
    readerScopes: caller.scopes,
    operationName: request.operationName,
    operationHash: analysis?.executedHash ?? '',
    deliveredFields: analysis?.delivered ?? [],
    refusedFields: analysis?.refused ?? [],
    files: [...files.values()],
  };
}

/** The UCIs named by fields the caller's scopes removed, as the subgraphs would have read them. */
function namedClients(analysis: OperationAnalysis): string[] {
  const ucis: string[] = [];
  for (const { namedClient } of analysis.removed) {
    // Coerced variables, defaults included: an ID sent as a number names a file as well as a string.
    const value =
      namedClient &&
      ('literal' in namedClient ? namedClient.literal : analysis.variables[namedClient.variable]);
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    try {
      ucis.push(normalizeUci(String(value)));
    } catch {
      // Not a UCI at all: no one's file was attempted.
    }
  }
  return ucis;
}
