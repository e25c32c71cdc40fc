import DataLoader from 'dataloader';
import { Page } from './pagination';

/**
 * DataLoader factories. Every per-request read goes through one of these, so a query touching
 * N parents costs one SQL statement per entity type, not N. Loaders live for one request.
 */

/** At most one row per key: entities looked up by their key. */
export function rowLoader<Key, Row>(
  fetch: (keys: readonly Key[]) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
) {
  return new DataLoader<Key, Row | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Any number of rows per key: a parent's list field. */
export function groupLoader<Key, Row>(
  fetch: (keys: readonly Key[]) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
) {
  return new DataLoader<Key, Row[]>(async (keys) => {
    const groups = groupBy(await fetch(keys), keyOf);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export interface PageRequest<Key> {
  parent: Key;
  page: Page;
}

/**
 * One page of rows per parent, for connection fields. Parents asking for the same page are
 * fetched together; `fetch` must return at most `first + 1` rows per parent, in order.
 */
export function pageLoader<Key, Row>(
  fetch: (parents: readonly Key[], page: Page) => Promise<Row[]>,
  parentOf: (row: Row) => Key,
) {
  return new DataLoader<PageRequest<Key>, Row[], string>(
    async (requests) => {
      const byPage = groupBy(requests, (request) => pageKey(request.page));
      const results = new Map<string, Row[]>();
      for (const [key, sameRequests] of byPage) {
        const page = sameRequests[0].page;
        const rows = await fetch(
          sameRequests.map((request) => request.parent),
          page,
        );
        for (const [parent, children] of groupBy(rows, parentOf))
          results.set(`${key}|${String(parent)}`, children);
      }
      return requests.map(
        (request) => results.get(`${pageKey(request.page)}|${String(request.parent)}`) ?? [],
      );
    },
    { cacheKeyFn: (request) => `${pageKey(request.page)}|${String(request.parent)}` },
  );
}

function pageKey(page: Page): string {
  return `${page.first}@${page.offset}`;
}

function groupBy<Item, Key>(items: readonly Item[], keyOf: (item: Item) => Key): Map<Key, Item[]> {
  const groups = new Map<Key, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * One loader per argument value, created on first use and kept for the request: for list
 * fields with arguments (a period, a filter), parents asking with the same argument share a
 * batch.
 */
export function loaderFamily<Argument, Loader>(
  create: (argument: Argument) => Loader,
): (argument: Argument) => Loader {
  const loaders = new Map<Argument, Loader>();
  return (argument) => {
    let loader = loaders.get(argument);
    if (!loader) {
      loader = create(argument);
      loaders.set(argument, loader);
    }
    return loader;
  };
}
