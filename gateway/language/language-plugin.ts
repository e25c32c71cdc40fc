import { ApolloServerPlugin } from '@apollo/server';
import { Language, LOCALE } from '../../platform/language/language';

export interface LanguageContext {
  /** The answer's language, settled once the caller is known. */
  language: Language;
}

/** Every answer says which language it was written in: `extensions.language` and `Content-Language`. */
export function languagePlugin(): ApolloServerPlugin<LanguageContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, response }) => {
        const { language } = contextValue;
        response.http.headers.set('content-language', LOCALE[language]);
        if (response.body.kind === 'single') {
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, language };
        }
      },
    }),
  };
}
