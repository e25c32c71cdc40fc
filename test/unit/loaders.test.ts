import { groupLoader, loaderFamily, pageLoader, rowLoader } from '../../subgraphs/kit/loaders';
import { encodeCursor, toConnection, toPage } from '../../subgraphs/kit/pagination';

describe('loaders', () => {
  it('fetches all keys asked for in one tick with one call, and answers null for unknown keys', async () => {
    const fetch = jest.fn(async (keys: readonly string[]) =>
      keys.filter((k) => k !== 'missing').map((id) => ({ id })),
    );
    const loader = rowLoader(fetch, (row) => row.id);
    const rows = await Promise.all(['a', 'b', 'missing', 'a'].map((key) => loader.load(key)));
    expect(rows).toEqual([{ id: 'a' }, { id: 'b' }, null, { id: 'a' }]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(['a', 'b', 'missing']);
  });

  it('groups many rows per parent, with an empty list for parents without rows', async () => {
    const loader = groupLoader(
      async () => [
        { parent: 'p1', n: 1 },
        { parent: 'p1', n: 2 },
      ],
      (row) => row.parent,
    );
    expect(await Promise.all([loader.load('p1'), loader.load('p2')])).toEqual([
      [
        { parent: 'p1', n: 1 },
        { parent: 'p1', n: 2 },
      ],
      [],
    ]);
  });

  it('batches parents that ask for the same page, and separates different pages', async () => {
    const fetch = jest.fn(async (parents: readonly string[], page: { first: number; offset: number }) =>
      parents.map((parent) => ({ parent, page: `${page.first}@${page.offset}` })),
    );
    const loader = pageLoader(fetch, (row) => row.parent);
    const page = { first: 10, offset: 0 };
    await Promise.all([
      loader.load({ parent: 'a', page }),
      loader.load({ parent: 'b', page: { ...page } }),
      loader.load({ parent: 'a', page: { first: 10, offset: 10 } }),
    ]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenCalledWith(['a', 'b'], page);
  });

  it('keeps one loader per argument for the request', () => {
    const family = loaderFamily((until: string) => ({ until }));
    expect(family('2024-01-01')).toBe(family('2024-01-01'));
    expect(family('2024-01-01')).not.toBe(family('2025-01-01'));
  });
});

describe('cursor pages', () => {
  it('uses the spare row only to say there is a next page', () => {
    const connection = toConnection(['a', 'b', 'c'], { first: 2, offset: 0 });
    expect(connection.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      endCursor: encodeCursor(2),
    });
  });

  it('resumes after a cursor it issued', () => {
    expect(toPage(5, encodeCursor(20), { default: 50, max: 100 })).toEqual({ first: 5, offset: 20 });
    expect(toPage(null, null, { default: 50, max: 100 })).toEqual({ first: 50, offset: 0 });
  });

  it('refuses page sizes out of range and cursors it did not issue', () => {
    for (const size of [101, 0, -1])
      expect(() => toPage(size, null, { default: 50, max: 100 })).toThrow(/between 1 and 100/);
    expect(() => toPage(5, 'not-a-cursor', { default: 50, max: 100 })).toThrow(/not a cursor/);
  });
});
