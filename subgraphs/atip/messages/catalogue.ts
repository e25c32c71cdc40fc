import { defineCatalogue } from '../../../platform/language/catalogue';
import EN from './en.json';
import FR from './fr.json';

/** What the ATIP subgraph says: the workflow's refusals, filing rules, self-service headlines. */
export const atipMessages = defineCatalogue({ EN, FR });
