import { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { KeyLike } from 'jose';
import { Caller } from '../../platform/caller';
import { CALLER_HEADER, signCaller } from '../../platform/caller-header';

export interface CallerForwarding {
  /** The caller signed for one subgraph (and those it asks on the caller's behalf), once per request. */
  callerHeaderFor(subgraph: string): Promise<string>;
  /** The gateway's own signature for writing this request's audit record, which only it may write. */
  auditHeader(): Promise<string>;
}

/** Who each subgraph may show the forwarded caller to: itself and the subgraphs supergraph.yaml says it asks. */
export type ForwardingAudiences = ReadonlyMap<string, readonly string[]>;

export function callerForwarding(
  caller: Caller,
  requestId: string,
  signingKey: KeyLike,
  audiences: ForwardingAudiences,
  auditService: string,
): CallerForwarding {
  const signed = new Map<string, Promise<string>>();
  return {
    callerHeaderFor(subgraph) {
      let header = signed.get(subgraph);
      if (!header) {
        header = signCaller(
          { caller, requestId, purpose: 'request' },
          [subgraph, ...(audiences.get(subgraph) ?? [])],
          signingKey,
        );
        signed.set(subgraph, header);
      }
      return header;
    },
    auditHeader: () =>
      signCaller({ caller, requestId, purpose: 'record-access' }, [auditService], signingKey),
  };
}

/** Every subgraph fetch carries the caller signed for that subgraph, which it requires. */
export function forwardCaller(subgraph: string) {
  return async ({
    request,
    context,
  }: Pick<GraphQLDataSourceProcessOptions, 'request' | 'context'>): Promise<void> => {
    const forwarding = (context as Partial<{ forwarding: CallerForwarding }>).forwarding;
    request.http?.headers.set(CALLER_HEADER, forwarding ? await forwarding.callerHeaderFor(subgraph) : '');
  };
}
