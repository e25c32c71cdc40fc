import { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER } from '../../subgraphs/kit/access/caller-header';

export interface CallerForwarding {
  /** The verified caller, signed for the subgraphs once per request. */
  callerHeader: string;
}

/** Every subgraph fetch carries the signed caller, which the subgraphs require. */
export function forwardCaller({ request, context }: Pick<GraphQLDataSourceProcessOptions, 'request' | 'context'>): void {
  request.http?.headers.set(CALLER_HEADER, (context as Partial<CallerForwarding>).callerHeader ?? '');
}
