import { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { Caller } from '../../platform/caller';
import { CALLER_HEADER, signCaller } from '../../platform/caller-header';
import { GatewayContext } from './authorizing-gateway';
import { Language } from '../../platform/language/language';

export interface CallerForwarding {
  /**
   * The caller signed for one subgraph (and those it asks on the caller's behalf) and for the
   * operation's type, once per request: only a caller signed for a mutation lets a subgraph write.
   */
  callerHeaderFor(subgraph: string, operation: OperationType): Promise<string>;
  /** The gateway's own signature, used once, for writing this request's audit record, which only it may write. */
  auditHeader(): Promise<string>;
}

type OperationType = 'query' | 'mutation';

/** Who each subgraph may show the forwarded caller to: itself and the subgraphs supergraph.yaml says it asks. */
export type ForwardingAudiences = ReadonlyMap<string, readonly string[]>;

export function callerForwarding(
  caller: Caller,
  requestId: string,
  language: Language,
  signingKey: KeyLike,
  audiences: ForwardingAudiences,
  auditService: string,
): CallerForwarding {
  const signed = new Map<string, Promise<string>>();
  return {
    callerHeaderFor(subgraph, operation) {
      const key = `${subgraph} ${operation}`;
      let header = signed.get(key);
      if (!header) {
        header = signCaller(
          { caller, requestId, purpose: 'request', operation, language },
          [subgraph, ...(audiences.get(subgraph) ?? [])],
          signingKey,
        );
        signed.set(key, header);
      }
      return header;
    },
    auditHeader: () =>
      signCaller(
        { caller, requestId, purpose: 'record-access', operation: 'mutation', nonce: randomUUID(), language },
        [auditService],
        signingKey,
      ),
  };
}

/** Every subgraph fetch carries the caller signed for that subgraph and the operation's type, which it requires. */
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
  };
}
