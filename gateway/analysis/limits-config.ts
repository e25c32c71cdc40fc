import { positiveInteger } from '../../subgraphs/kit/config';

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
