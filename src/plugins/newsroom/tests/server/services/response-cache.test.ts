// The response cache's store: lru-cache bounded by the bytes each entry holds (its identity, gzip
// and br codings and its key), a quarter of the bound at most per entry, least recently used first.
import { ByteBoundedLru, ResponseCache, type CacheEntry } from '../../../server/src/services/response-cache';

const entry = (size: number): CacheEntry => ({
  version: 'v1',
  lastModified: 'Mon, 14 Jun 2021 10:00:00 GMT',
  contentType: 'application/json',
  representations: {},
  size,
});

describe('the byte-bounded LRU', () => {
  test('100,000 distinct entries never take more than the bound', () => {
    const lru = new ByteBoundedLru(1024 * 1024);
    for (let index = 0; index < 100_000; index += 1) {
      lru.set(`key-${index}`, entry(100 + (index % 500)));
      if (index % 997 === 0) expect(lru.stats().bytes).toBeLessThanOrEqual(1024 * 1024);
    }
    const { bytes, entries, evictions } = lru.stats();
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(entries).toBeGreaterThan(1000);
    expect(evictions).toBe(100_000 - entries);
  });

  test('evicts the least recently used; a hit makes an entry recent', () => {
    const lru = new ByteBoundedLru(1200);
    lru.set('a', entry(300));
    lru.set('b', entry(300));
    lru.set('c', entry(300));
    lru.set('d', entry(300));
    expect(lru.get('a')).toBeDefined();
    lru.set('e', entry(300));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
    expect(lru.stats()).toEqual({ entries: 4, bytes: 1200, maxBytes: 1200, evictions: 1 });
  });

  test('an entry over a quarter of the bound is refused and evicts nothing', () => {
    const lru = new ByteBoundedLru(1000);
    lru.set('kept', entry(250));
    expect(lru.set('big', entry(251))).toBe(false);
    expect(lru.get('big')).toBeUndefined();
    expect(lru.get('kept')).toBeDefined();
    expect(lru.stats().evictions).toBe(0);
  });

  test('a replaced entry is charged once, at its new size', () => {
    const lru = new ByteBoundedLru(1000);
    lru.set('same', entry(200));
    lru.set('same', entry(100));
    expect(lru.stats()).toMatchObject({ entries: 1, bytes: 100 });
  });

  test('a bound that is not a positive whole number is refused', () => {
    expect(() => new ByteBoundedLru(0)).toThrow(/maxBytes/);
    expect(() => new ByteBoundedLru(1.5)).toThrow(/maxBytes/);
  });
});

describe('the response cache', () => {
  test('a stored JSON answer is charged for its identity, gzip and br bytes', async () => {
    const cache = new ResponseCache(10 * 1024 * 1024);
    const rendered = Buffer.from(JSON.stringify({ data: 'نص عربي '.repeat(500) }));
    const stored = await cache.store(
      'key',
      { version: 'v1', lastModified: 'Mon, 14 Jun 2021 10:00:00 GMT', contentType: 'application/json' },
      rendered,
    );
    const { identity, gzip, br } = stored.representations;
    expect(identity?.bytes.equals(rendered)).toBe(true);
    expect(gzip && br).toBeTruthy();
    const held = (identity?.bytes.length ?? 0) + (gzip?.bytes.length ?? 0) + (br?.bytes.length ?? 0);
    expect(stored.size).toBeGreaterThan(held);
    expect(cache.lru.stats().bytes).toBe(stored.size);
    expect(cache.lru.get('key')).toBe(stored);
  });
});
