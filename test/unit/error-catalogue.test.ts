import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiError, ERRORS, errorTable, httpStatusOf, requestError } from '../../platform/errors';
import { platformMessages } from '../../platform/messages/catalogue';

const message = platformMessages.text('internal');

/** The catalogue of error codes is the one place their statuses and meanings are written. */
describe('the error catalogue', () => {
  it("is the error reference's table (docs/errors.md), word for word", () => {
    const reference = readFileSync(path.join(__dirname, '..', '..', 'docs', 'errors.md'), 'utf8');
    expect(reference).toContain(errorTable());
  });

  it('gives every code the status it is answered with', () => {
    expect(apiError('UNAUTHENTICATED', message).extensions).toEqual({
      code: 'UNAUTHENTICATED',
      http: { status: 401 },
    });
    expect(apiError('FORBIDDEN', message, {}, ['client']).extensions).toEqual({ code: 'FORBIDDEN' });
    expect(requestError('QUERY_TOO_DEEP', message).extensions).toEqual({
      code: 'QUERY_TOO_DEEP',
      http: { status: 400 },
    });
    expect(
      Object.keys(ERRORS)
        .map((code) => httpStatusOf(code as keyof typeof ERRORS))
        .every((status) => status >= 200 && status < 600),
    ).toBe(true);
  });
});
