import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { OperationLimits } from './limits-config';
import { measureOperation } from './operation-measures';

/**
 * Refuses, before planning, any operation deeper, more aliased or costlier than the limits
 * allow, with HTTP 400 and a code per limit. (The token limit is applied by the parser itself.)
 */
export function limitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])),
          );
          const measured = measureOperation(schema, operation, fragments, request.variables ?? {});
          if (measured.depth > limits.maxDepth) throw tooMuch('QUERY_TOO_DEEP', `The operation nests ${measured.depth} levels deep; at most ${limits.maxDepth} are allowed.`);
          if (measured.aliases > limits.maxAliases) throw tooMuch('TOO_MANY_ALIASES', `The operation uses ${measured.aliases} aliases; at most ${limits.maxAliases} are allowed.`);
          if (measured.cost > limits.maxCost) {
            throw tooMuch('QUERY_TOO_COSTLY', `The operation could resolve about ${measured.cost} fields; at most ${limits.maxCost} are allowed. Ask for smaller pages.`);
          }
        },
      };
    },
  };
}

function tooMuch(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
