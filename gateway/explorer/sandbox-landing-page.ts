import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { SANDBOX_OPERATIONS } from '../sandbox/flagship-operations';

/** Apollo Sandbox on the flagship operations, ready to run with the development token if there is one. */
const sandboxWith = (token: string | undefined) =>
  ApolloServerPluginLandingPageLocalDefault({
    document: SANDBOX_OPERATIONS.document,
    variables: SANDBOX_OPERATIONS.variables,
    embed: { initialState: { sharedHeaders: token ? { Authorization: `Bearer ${token}` } : {} } },
    includeCookies: false,
  });

/**
 * The landing page: Apollo's own Sandbox page, written each time it is served with the token
 * current then, since `npm start` renews the development token while the gateway runs and a page
 * opened after the first token expired would otherwise hold a dead one.
 */
export function sandboxLandingPage(token?: () => string | undefined): ApolloServerPlugin<BaseContext> {
  return {
    async serverWillStart(service) {
      return {
        async renderLandingPage() {
          return {
            html: async () => {
              const page = await (
                await sandboxWith(token?.()).serverWillStart?.(service)
              )?.renderLandingPage?.();
              if (!page) throw new Error("Apollo's landing page plugin rendered no page");
              return typeof page.html === 'string' ? page.html : page.html();
            },
          };
        },
      };
    },
  };
}
