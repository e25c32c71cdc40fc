import { defineCatalogue } from '../../platform/language/catalogue';
import EN from './en.json';
import FR from './fr.json';

/** What the gateway itself says: tokens, limits, scopes, rate limits, the audit trail. */
export const gatewayMessages = defineCatalogue({ EN, FR });
