import { defineCatalogue } from '../../../platform/language/catalogue';
import EN from './en.json';
import FR from './fr.json';

/** What the border subgraph says: presence counts, removal orders, detention reviews. */
export const borderMessages = defineCatalogue({ EN, FR });
