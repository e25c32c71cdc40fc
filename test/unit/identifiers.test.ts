import { GraphQLError } from 'graphql';
import { normalizeApplicationNumber, normalizeUci } from '../../platform/identifiers';
import { normalizeRequestNumber } from '../../subgraphs/atip/request-number';

function codeOf(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions : error;
  }
  throw new Error('expected an error');
}

describe('UCI', () => {
  it.each([
    ['1234-5678', '1234-5678'],
    ['12345678', '1234-5678'],
    [' 1234 5678 ', '1234-5678'],
    ['12-3456-7890', '12-3456-7890'],
    ['1234567890', '12-3456-7890'],
  ])('accepts %p as %p', (input, expected) => {
    expect(normalizeUci(input)).toBe(expected);
  });

  it.each(['', '1234-567', '123456789', '12345678901', 'ABCD-EFGH', '1234-5678x'])(
    'rejects %p with BAD_USER_INPUT',
    (input) => {
      expect(codeOf(() => normalizeUci(input))).toEqual({ code: 'BAD_USER_INPUT', field: 'uci' });
    },
  );
});

describe('application number', () => {
  it.each([
    ['W123456789', 'W123456789'],
    ['e123456789', 'E123456789'],
    ['X000000001', 'X000000001'],
  ])('accepts %p (any letter: prefixes are not a closed list)', (input, expected) => {
    expect(normalizeApplicationNumber(input)).toBe(expected);
  });

  it.each(['W12345678', 'W1234567890', '1123456789', 'WW23456789', ''])('rejects %p', (input) => {
    expect(codeOf(() => normalizeApplicationNumber(input))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'applicationNumber',
    });
  });
});

describe('access request number', () => {
  it("accepts both Acts' numbers", () => {
    expect(normalizeRequestNumber('a-2024-012345')).toBe('A-2024-012345');
    expect(normalizeRequestNumber('P-2024-012345')).toBe('P-2024-012345');
  });

  it.each(['B-2024-012345', 'A-24-012345', 'A-2024-0123'])('rejects %p', (input) => {
    expect(codeOf(() => normalizeRequestNumber(input))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'requestNumber',
    });
  });
});
