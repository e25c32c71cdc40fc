import { positiveInteger } from './config';

/** Caps on what one operation may ask, so no single request can starve the others. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
}

export function operationLimits(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  return {
    maxDepth: positiveInteger(env.ONE_WINDOW_MAX_DEPTH, 12, 'ONE_WINDOW_MAX_DEPTH'),
    maxAliases: positiveInteger(env.ONE_WINDOW_MAX_ALIASES, 30, 'ONE_WINDOW_MAX_ALIASES'),
    maxTokens: positiveInteger(env.ONE_WINDOW_MAX_TOKENS, 3000, 'ONE_WINDOW_MAX_TOKENS'),
    maxCost: positiveInteger(env.ONE_WINDOW_MAX_COST, 50000, 'ONE_WINDOW_MAX_COST'),
  };
}

/**
 * The largest body one part of One Window sends another (the gateway's entity fetches, its
 * audit record), sized from the operation limits so that any answer the limits allow can be
 * fetched and recorded: an operation resolves at most `maxCost` fields, so it touches at most
 * that many files or entities, each well under 256 bytes in a request body.
 */
export function internalBodyLimit(limits: OperationLimits): number {
  return Math.max(256 * 1024, limits.maxCost * 256);
}
