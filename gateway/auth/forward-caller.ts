import { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { ANONYMOUS, Caller } from '../../platform/caller';
import {
  CALLER_HEADER,
  FORWARDED_CALLER_LIFETIME_SECONDS,
  recordsDigest,
  REQUEST_ID_HEADER,
  signCaller,
} from '../../platform/caller-header';
import { BoundedCache, stringBytes } from '../../platform/bounded-cache';
import { GatewayContext } from './authorizing-gateway';
import { Language } from '../../platform/language/language';

type OperationType = 'query' | 'mutation';

/** Who each subgraph may show the forwarded caller to: itself and the subgraphs supergraph.yaml says it asks. */
export type ForwardingAudiences = ReadonlyMap<string, readonly string[]>;

/**
 * A signed caller is reused while at least this long is left of its life, longer than any
 * subgraph call may take, so a subgraph never receives one that lapses during its work.
 */
const REUSE_MS = (FORWARDED_CALLER_LIFETIME_SECONDS - 10) * 1000;

/**
 * The gateway's signatures of forwarded callers. A caller's header for one subgraph, operation
 * type and language says the same thing on every request, so it is signed once and reused for
 * 20 of its 30 seconds (an Ed25519 signature per subgraph fetch was a tenth of the gateway's CPU);
 * what it grants is unchanged, and a captured header lapses as soon as before. The request id
 * travels beside it, unsigned, for logs only. The audit write's header is never reused: it names
 * the request and carries a single-use nonce, so only this request's record can be written with it.
 */
export class CallerSignatures {
  // A header is the caller, its audiences and a signature, base64url'd: about twice the key.
  private readonly signed = new BoundedCache<Promise<string>>(
    { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024 },
    (key) => 3 * stringBytes(key) + 512,
  );

  constructor(
    private readonly signingKey: KeyLike,
    private readonly audiences: ForwardingAudiences,
  ) {}

  forRequest(
    caller: Caller,
    language: Language,
    subgraph: string,
    operation: OperationType,
  ): Promise<string> {
    const key = JSON.stringify([
      caller.role,
      caller.subject,
      caller.clientId,
      caller.scopes,
      language,
      subgraph,
      operation,
    ]);
    let header = this.signed.get(key);
    if (!header) {
      header = signCaller(
        { caller, requestId: randomUUID(), purpose: 'request', operation, language },
        [subgraph, ...(this.audiences.get(subgraph) ?? [])],
        this.signingKey,
      );
      // A signature that failed is not kept.
      header.catch(() => this.signed.delete(key));
      this.signed.set(key, header, Date.now() + REUSE_MS);
    }
    return header;
  }

  /** One audit write's header: for exactly these requests' records, with a nonce the audit subgraph takes once. */
  forAuditWrite(requestIds: string[], auditService: string): Promise<string> {
    return signCaller(
      {
        caller: ANONYMOUS,
        requestId: randomUUID(),
        purpose: 'record-access',
        operation: 'mutation',
        nonce: randomUUID(),
        records: recordsDigest(requestIds),
        language: 'EN',
      },
      [auditService],
      this.signingKey,
    );
  }
}

export interface CallerForwarding {
  requestId: string;
  /** The caller signed for one subgraph (and those it asks on the caller's behalf) and for the operation's type: only a caller signed for a mutation lets a subgraph write. */
  callerHeaderFor(subgraph: string, operation: OperationType): Promise<string>;
}

export function callerForwarding(
  caller: Caller,
  requestId: string,
  language: Language,
  signatures: CallerSignatures,
): CallerForwarding {
  return {
    requestId,
    callerHeaderFor: (subgraph, operation) => signatures.forRequest(caller, language, subgraph, operation),
  };
}

/** Every subgraph fetch carries the caller signed for that subgraph and the operation's type, which it requires, and the request's id. */
export function forwardCaller(subgraph: string) {
  return async ({
    request,
    context,
  }: Pick<GraphQLDataSourceProcessOptions, 'request' | 'context'>): Promise<void> => {
    const { forwarding, analysis } = context as Partial<{ forwarding: CallerForwarding } & GatewayContext>;
    const header = forwarding
      ? await forwarding.callerHeaderFor(subgraph, analysis?.operationType ?? 'query')
      : '';
    request.http?.headers.set(CALLER_HEADER, header);
    if (forwarding) request.http?.headers.set(REQUEST_ID_HEADER, forwarding.requestId);
  };
}
