import { badUserInput } from '../../platform/errors';

const REQUEST_NUMBER = /^[AP]-\d{4}-\d{6,}$/;

/** A-2024-012345 (Access to Information Act) or P-2024-012345 (Privacy Act). */
export function normalizeRequestNumber(input: string, field = 'requestNumber'): string {
  const candidate = input.trim().toUpperCase();
  if (!REQUEST_NUMBER.test(candidate)) {
    throw badUserInput(
      `"${input}" is not an access request number: expected A-YYYY-NNNNNN (Access to Information Act) or P-YYYY-NNNNNN (Privacy Act).`,
      field,
    );
  }
  return candidate;
}
