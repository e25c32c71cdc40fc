import { textField } from '../../kit/language';
import { RefusalGround } from '../entities/decision';
import { Message } from '../entities/message';

/** Case management's texts, each written in the language asked for. */
export const CASE_TEXTS = [
  textField(
    RefusalGround,
    'provision',
    'The provision cited, e.g. "IRPR 179(b)" ("al. 179b) du RIPR" in French).',
  ),
  textField(RefusalGround, 'summary', 'The ground as the refusal letter states it.'),
  textField(
    RefusalGround,
    'explanation',
    'What the ground means and what usually led to it, in plain language.',
  ),
  textField(Message, 'subject', 'The letter’s subject.'),
];
