import { defineCatalogue } from '../../../platform/language/catalogue';
import EN from './en.json';
import FR from './fr.json';

/** What the audit subgraph says. */
export const auditMessages = defineCatalogue({ EN, FR });
