// The instance's response cache for anonymous public reads (the README's "Response cache" is its
// documentation): entries keyed by the normalized request, valid for one content version, each
// holding its identity bytes and, once compressed, gzip and br.
import { createHash } from 'crypto';
import { promisify } from 'util';
import { brotliCompress, constants, gzip } from 'zlib';
import { LRUCache } from 'lru-cache';
import { SingleFlight } from '#core/cache/single-flight';
import type { Coding } from '#core/http/accept-encoding';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface Representation {
  bytes: Buffer;
  etag: string;
}

export interface CacheEntry {
  version: string;
  lastModified: string;
  contentType: string;
  cacheControl?: string;
  /** The instant the answer stops being true with no write (core/lifecycle nextChangeAt); in its ETag. */
  expiresAt?: string;
  representations: Partial<Record<Coding, Representation>>;
  size: number;
}

export interface CachedResponse {
  status: number;
  entry?: CacheEntry;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  /** Misses that ran the application; concurrent misses of one key at one version share a render. */
  renders: number;
  bypasses: number;
  notModified: number;
}

// Below this, compression saves less than its headers cost.
const MIN_COMPRESSED_BYTES = 1024;
const ENTRY_OVERHEAD = 512;

const tagOf = (...parts: Array<string | Buffer>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return `"${hash.digest('base64url').slice(0, 22)}"`;
};

/**
 * The bytes in a buffer of their own. A small Buffer is often a slice of a larger allocation (one
 * of Node's shared 8 KB pool slabs, or the 16 KB chunk zlib compressed into), and keeping it would
 * keep the whole allocation: 3,000 cached 1 KB answers could hold tens of MB that the byte bound
 * never counted.
 */
export function ownBytes(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
}

export interface LruStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  evictions: number;
}

/** lru-cache bounded by bytes (each entry's `size`), one entry at most a quarter of the bound. */
export class ByteBoundedLru {
  private readonly entries: LRUCache<string, CacheEntry>;
  private evictions = 0;

  constructor(readonly maxBytes: number) {
    if (!Number.isInteger(maxBytes) || maxBytes < 1)
      throw new Error('response cache: maxBytes must be a whole number ≥ 1');
    this.entries = new LRUCache<string, CacheEntry>({
      maxSize: maxBytes,
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
      sizeCalculation: (entry) => Math.max(1, entry.size),
      dispose: (_entry, _key, reason) => {
        if (reason === 'evict') this.evictions += 1;
      },
    });
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  /** Stores the entry unless it alone exceeds a quarter of the bound; false when refused. */
  set(key: string, entry: CacheEntry): boolean {
    this.entries.delete(key);
    if (entry.size > this.entries.maxEntrySize) return false;
    this.entries.set(key, entry);
    return this.entries.has(key);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** The stored entries, most recent first, without touching their recency. */
  values(): Generator<CacheEntry> {
    return this.entries.values();
  }

  stats(): LruStats {
    return {
      entries: this.entries.size,
      bytes: this.entries.calculatedSize,
      maxBytes: this.maxBytes,
      evictions: this.evictions,
    };
  }
}

export class ResponseCache {
  readonly lru: ByteBoundedLru;
  readonly flight = new SingleFlight<CachedResponse>();
  readonly stats: ResponseCacheStats = { hits: 0, misses: 0, renders: 0, bypasses: 0, notModified: 0 };

  constructor(readonly maxBytes: number) {
    this.lru = new ByteBoundedLru(maxBytes);
  }

  /**
   * A new entry from a rendered 200, with its gzip and br codings made once, here (off the event
   * loop, on libuv's pool), so the miss already answers in the coding its client asked for.
   */
  async store(key: string, entry: Omit<CacheEntry, 'representations' | 'size'>, rendered: Buffer): Promise<CacheEntry> {
    const identity = ownBytes(rendered);
    const stored: CacheEntry = {
      ...entry,
      representations: { identity: { bytes: identity, etag: tagOf(entry.expiresAt ?? '', identity) } },
      size: identity.length + key.length * 2 + ENTRY_OVERHEAD,
    };
    if (identity.length >= MIN_COMPRESSED_BYTES && /json|xml/.test(entry.contentType))
      await this.compress(stored, identity);
    this.lru.set(key, stored);
    return stored;
  }

  private async compress(entry: CacheEntry, identity: Buffer): Promise<void> {
    const identityTag = entry.representations.identity?.etag ?? '';
    const [gzipped, brotli] = await Promise.all([
      gzipAsync(identity, { level: 6 }),
      brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    ]);
    entry.representations.gzip = { bytes: ownBytes(gzipped), etag: tagOf('gzip', identityTag) };
    entry.representations.br = { bytes: ownBytes(brotli), etag: tagOf('br', identityTag) };
    entry.size += gzipped.length + brotli.length;
  }
}

/** The instance's response cache, kept in this service: one per Strapi instance. */
export default () => {
  let current: ResponseCache | undefined;
  return {
    /** The cache at the configured size (a new, empty one when the size changes). */
    cache(maxBytes: number): ResponseCache {
      if (current?.maxBytes !== maxBytes) current = new ResponseCache(maxBytes);
      return current;
    },
  };
};
