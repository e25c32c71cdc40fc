import { PageRoutes } from '../../platform/http/serve-graphql';
import { ExplorerMode } from '../config';
import { FLAGSHIP } from '../sandbox/flagship-operations';
import { explorerOffRoutes } from './explorer-off-page';
import { graphiqlRoutes } from './graphiql-routes';
import { sandboxRoutes } from './sandbox-routes';

/**
 * The pages a browser gets beside GraphQL, by ONE_WINDOW_EXPLORER: Sandbox at `/` and GraphiQL
 * at `/graphiql`; GraphiQL alone (`/` sends the browser there); or a page saying the explorer is off.
 */
export function explorerRoutes(
  mode: ExplorerMode,
  token: (() => string | undefined) | undefined,
): PageRoutes {
  if (mode === 'off') return explorerOffRoutes();
  const tabs = Object.values(FLAGSHIP).map(({ query, variables }) => ({
    query,
    variables: JSON.stringify(variables, null, 2),
  }));
  const graphiql = graphiqlRoutes(tabs, token, mode === 'graphiql');
  if (mode === 'graphiql') return graphiql;
  const sandbox = sandboxRoutes(token);
  return (request, response) => sandbox(request, response) || graphiql(request, response);
}
