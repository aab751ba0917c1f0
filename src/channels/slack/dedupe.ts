/**
 * A small in-memory LRU of work already done, by idempotency key: the same event delivered twice
 * (`X-Slack-Retry-Num`), a double click, a modal submitted twice run once; the second caller gets the
 * first one's result. Entries expire after `ttlMs`; failed work is forgotten so it can be tried again.
 * The core's upsert (one report per task, period and unit) is the second line of defence.
 */
export class Dedupe {
  private readonly entries = new Map<string, { at: number; result: Promise<unknown> }>();

  constructor(
    private readonly capacity = 2000,
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `work` unless `key` ran recently; `fresh` tells the first caller from the repeats. */
  once<T>(key: string, work: () => Promise<T>): { result: Promise<T>; fresh: boolean } {
    const known = this.get(key);
    if (known) return { result: known as Promise<T>, fresh: false };
    const result = work();
    this.put(key, result);
    result.catch(() => this.forget(key));
    return { result, fresh: true };
  }

  /** Marks `key` as seen; true when it had been seen already (and has not expired). */
  seen(key: string): boolean {
    if (this.get(key)) return true;
    this.put(key, Promise.resolve());
    return false;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private get(key: string): Promise<unknown> | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    // Most recently used last, so eviction takes the oldest first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.result;
  }

  private put(key: string, result: Promise<unknown>): void {
    this.entries.set(key, { at: this.now(), result });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
