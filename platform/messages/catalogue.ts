import { defineCatalogue } from '../language/catalogue';
import EN from './en.json';
import FR from './fr.json';

/** What the shared layer says: identifier checks, the HTTP front, faults. */
export const platformMessages = defineCatalogue({ EN, FR });
