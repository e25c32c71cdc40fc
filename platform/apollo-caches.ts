import { DocumentNode } from 'graphql';
import { BoundedCache, CacheBudget, stringBytes } from './bounded-cache';

/**
 * Apollo Server's caches with byte budgets that count what they really keep. Its defaults weigh
 * an entry by its JSON, which for a parsed document leaves out the request text its locations
 * point to: 600 documents padded with 240 KB comments kept ~141 MiB alive in a "30 MiB" cache.
 */

/** Apollo's KeyValueCache, by shape (the package is Apollo Server's own dependency, not ours). */
export interface KeyValueStore<Value> {
  get(key: string): Promise<Value | undefined>;
  set(key: string, value: Value, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<void>;
}

function store<Value>(cache: BoundedCache<Value>, keep: (value: Value) => Value = (value) => value) {
  return {
    get: async (key: string) => cache.get(key),
    set: async (key: string, value: Value, options?: { ttl?: number | null }) =>
      cache.set(key, keep(value), options?.ttl ? Date.now() + options.ttl * 1000 : Infinity),
    delete: async (key: string) => cache.delete(key),
  } satisfies KeyValueStore<Value>;
}

/**
 * Validated documents by hash, kept without their locations, so no cached document pins the
 * request's text (a comment, padding); a document served from here reports errors without
 * `locations`, as graphql-js does for documents parsed with `noLocation`.
 */
export function documentStore(budget: CacheBudget): KeyValueStore<DocumentNode> {
  const weights = new WeakMap<DocumentNode, number>();
  return store(
    new BoundedCache<DocumentNode>(
      budget,
      (key, document) => stringBytes(key) + (weights.get(document) ?? 0),
    ),
    (document) => {
      const { value, bytes } = withoutLocations(document);
      weights.set(value, bytes);
      return value;
    },
  );
}

/** Automatic persisted queries: query texts by hash, weighed by their length. */
export function persistedQueryStore(budget: CacheBudget): KeyValueStore<string> {
  return store(new BoundedCache<string>(budget, (key, text) => stringBytes(key) + stringBytes(text)));
}

/**
 * A copy of a parsed document (or of any AST) without `loc`, and an estimate of the bytes it keeps:
 * its nodes as JSON, three times over for V8's objects.
 */
export function withoutLocations<Node extends object>(node: Node): { value: Node; bytes: number } {
  const json = JSON.stringify(node, (key, value: unknown) => (key === 'loc' ? undefined : value));
  return { value: JSON.parse(json) as Node, bytes: 3 * json.length };
}
