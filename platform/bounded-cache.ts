import { createHash } from 'node:crypto';

/** How much one cache may hold: entries and (estimated) bytes, whichever is reached first. */
export interface CacheBudget {
  maxEntries: number;
  maxBytes: number;
}

/**
 * A map with a budget, for anything kept by what callers send: past either limit the least
 * recently used entry goes first, so a flood of distinct keys costs the budget and never more;
 * an entry may lapse at a time of its own (a verified token when it expires, a signature while
 * it has time left). Each entry's weight is an estimate of the bytes it keeps alive, key included.
 */
export class BoundedCache<Value> {
  private readonly entries = new Map<string, { value: Value; until: number; bytes: number }>();
  private held = 0;

  constructor(
    private readonly budget: CacheBudget,
    private readonly weigh: (key: string, value: Value) => number,
  ) {}

  get(key: string, now = Date.now()): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= now) {
      this.held -= entry.bytes;
      return undefined;
    }
    // Most recently used goes last, so eviction takes the oldest first.
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: Value, until = Infinity): void {
    this.delete(key);
    const bytes = this.weigh(key, value);
    // One entry over the whole budget would only empty the cache for nothing.
    if (bytes > this.budget.maxBytes) return;
    this.entries.set(key, { value, until, bytes });
    this.held += bytes;
    while (this.entries.size > this.budget.maxEntries || this.held > this.budget.maxBytes)
      this.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.bytes;
  }

  /** Estimated bytes held. */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A string's bytes in V8 at most (two a character); what a key or text held in a cache costs. */
export function stringBytes(text: string): number {
  return 2 * text.length;
}

/** A fixed-size key (SHA-256, 43 characters) for a cache keyed by something a caller sends whole. */
export function digestKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
