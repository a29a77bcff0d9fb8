// A least-recently-used map bounded by bytes, not by count: entries report their size, and the
// oldest are evicted until the total fits. A Map keeps insertion order, so a hit re-inserts.

export interface Sized {
  size: number;
}

export interface LruStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  evictions: number;
}

export class ByteLru<V extends Sized> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;
  private evictions = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes: number = Math.floor(maxBytes / 4),
  ) {
    if (!Number.isInteger(maxBytes) || maxBytes < 0) throw new Error('ByteLru: maxBytes must be a whole number ≥ 0');
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores the value unless it alone exceeds maxEntryBytes; false when refused. */
  set(key: string, value: V): boolean {
    this.delete(key);
    if (value.size > this.maxEntryBytes || value.size > this.maxBytes) return false;
    this.entries.set(key, value);
    this.bytes += value.size;
    this.evict();
    return true;
  }

  /** An entry grew after it was stored (a compressed coding finished): charge it, then evict. */
  grew(key: string, value: V, added: number): void {
    if (this.entries.get(key) !== value) return;
    value.size += added;
    this.bytes += added;
    this.evict();
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.bytes -= value.size;
  }

  /** The stored values, oldest first, without touching their recency. */
  values(): IterableIterator<V> {
    return this.entries.values();
  }

  stats(): LruStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, evictions: this.evictions };
  }

  private evict(): void {
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.entries.delete(key);
      this.bytes -= value.size;
      this.evictions += 1;
    }
  }
}
