/**
 * A bounded map whose entries lapse at a time of their own: for work that stays valid until a
 * known moment (a verified token until it expires, a signature while it has time left). Past
 * `maxEntries` the oldest entry goes first, so a flood of distinct keys costs memory, never more.
 */
export class ExpiringCache<Value> {
  private readonly entries = new Map<string, { value: Value; until: number }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, now = Date.now()): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: Value, until: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
