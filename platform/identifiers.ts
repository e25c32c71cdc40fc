import { badUserInput } from './errors';
import { platformMessages } from './messages/catalogue';

const UCI_DIGITS = /^(\d{8}|\d{10})$/;
const APPLICATION_NUMBER = /^[A-Z]\d{9}$/;

/**
 * A Unique Client Identifier has 8 digits (1234-5678) or 10 (12-3456-7890). People copy it
 * from letters with or without the dashes, so both are accepted and the dashed form is stored.
 */
export function normalizeUci(input: string, field = 'uci'): string {
  const digits = input.trim().replace(/[-\s]/g, '');
  if (!UCI_DIGITS.test(digits)) {
    throw badUserInput(platformMessages.text('uci.invalid', { input }), field);
  }
  return formatUci(digits);
}

export function formatUci(digits: string): string {
  return digits.length === 8
    ? `${digits.slice(0, 4)}-${digits.slice(4)}`
    : `${digits.slice(0, 2)}-${digits.slice(2, 6)}-${digits.slice(6)}`;
}

/**
 * One letter, then nine digits (W123456789). The letter is the line of business in practice,
 * but new prefixes appear, so only the shape is checked.
 */
export function normalizeApplicationNumber(input: string, field = 'applicationNumber'): string {
  const candidate = input.trim().toUpperCase();
  if (!APPLICATION_NUMBER.test(candidate)) {
    throw badUserInput(platformMessages.text('applicationNumber.invalid', { input }), field);
  }
  return candidate;
}
