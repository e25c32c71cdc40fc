import { defineCatalogue } from '../../../platform/language/catalogue';
import EN from './en.json';
import FR from './fr.json';

/** What case management says: refusal grounds as letters state them and explain them, letter subjects. */
export const caseMessages = defineCatalogue({ EN, FR });
