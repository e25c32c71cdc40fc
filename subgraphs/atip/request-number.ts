import { badUserInput } from '../../platform/errors';
import { atipMessages } from './messages/catalogue';

const REQUEST_NUMBER = /^[AP]-\d{4}-\d{6,}$/;

/** A-2024-012345 (Access to Information Act) or P-2024-012345 (Privacy Act). */
export function normalizeRequestNumber(input: string, field = 'requestNumber'): string {
  const candidate = input.trim().toUpperCase();
  if (!REQUEST_NUMBER.test(candidate)) {
    throw badUserInput(atipMessages.text('requestNumber.invalid', { input }), field);
  }
  return candidate;
}
