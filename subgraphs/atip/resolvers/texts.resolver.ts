import { citation } from '../../../platform/language/citations';
import { textField } from '../../kit/language';
import { DeadlineExtension, Exemption } from '../entities/access-request';
import { SelfServiceAnswer } from '../entities/self-service';

/** The ATIP subgraph's texts, each written in the language asked for; provisions keep their citation in both. */
export const ATIP_TEXTS = [
  textField(
    SelfServiceAnswer,
    'headline',
    'What the answer says in a line (the current status, the decision date, the number of travel records), where the caller may read it.',
    { nullable: true },
  ),
  textField(
    Exemption,
    'section',
    'The provision applied, e.g. "ATIA 16(2)(c)" ("al. 16(2)c) de la LAI" in French) or "Privacy Act 26".',
    { asText: citation },
  ),
  textField(DeadlineExtension, 'provision', 'e.g. "ATIA 9(1)(a)": large volume of records.', {
    asText: citation,
  }),
];
