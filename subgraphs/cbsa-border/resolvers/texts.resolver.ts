import { textField } from '../../kit/language';
import { DetentionReview, RemovalOrder } from '../entities/enforcement-action';
import { PhysicalPresence } from '../entities/physical-presence';

/** The border record's plain-language texts, each written in the language asked for. */
export const BORDER_TEXTS = [
  textField(PhysicalPresence, 'explanation', 'How the count was made, in plain language.'),
  textField(RemovalOrder, 'explanation', 'What the order means for the client, in plain language.'),
  textField(DetentionReview, 'label', 'Which review under IRPA s.55–57 this is, e.g. "48-hour review".'),
];
