import { defineCatalogue } from '../../../platform/language/catalogue';
import EN from './en.json';
import FR from './fr.json';

/** What every subgraph says through the kit: pages, row-level refusals, the forwarded caller. */
export const kitMessages = defineCatalogue({ EN, FR });
