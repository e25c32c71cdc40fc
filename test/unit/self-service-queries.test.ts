import { parse, validate } from 'graphql';
import { SelfServiceCategory, SHOWN } from '../../subgraphs/atip/self-service/categories';
import { apiSchema } from '../../bin/tools/api-schema';

/** Each category One Window shows names the query that answers it: a query a portal can run as it is. */
describe('the queries self-service hands out', () => {
  const schema = apiSchema();
  const shown = Object.entries(SHOWN) as [
    SelfServiceCategory,
    NonNullable<(typeof SHOWN)[SelfServiceCategory]>,
  ][];

  it.each(shown)('%s: a valid query, for a client and for one application', (_, { query }) => {
    for (const text of [query('1234-5678', null), query('1234-5678', 'V100012345')]) {
      expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
    }
  });

  it('covers everything One Window shows about a person', () => {
    expect(shown.map(([category]) => category).sort()).toEqual([
      'ACCESS_LOG',
      'APPLICATION_STATUS',
      'DAYS_IN_CANADA',
      'DECISION_AND_NOTES',
      'DOCUMENTS_AND_MESSAGES',
      'ENFORCEMENT_ACTIONS',
      'REPRESENTATIVES',
      'TRAVEL_HISTORY',
    ]);
  });
});
