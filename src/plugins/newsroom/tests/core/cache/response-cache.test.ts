// The pure parts of the response cache (issue 14): conditional requests per RFC 9110, content
// coding negotiation, the byte-bounded LRU, single-flight renders and the cache key.
import { chooseCoding } from '#core/http/accept-encoding';
import { notModified, parseEntityTags, weaklyMatches } from '#core/http/conditional';
import { ByteLru } from '#core/cache/byte-lru';
import { cacheKey } from '#core/cache/cache-key';
import { SingleFlight } from '#core/cache/single-flight';
import { FreshRead } from '#core/cache/fresh-read';

const MODIFIED = 'Mon, 14 Jun 2021 10:00:00 GMT';
const validators = { etag: '"abc"', lastModified: MODIFIED };
const get = (headers: { ifNoneMatch?: string; ifModifiedSince?: string }, method = 'GET') =>
  notModified({ method, ...headers }, validators);

describe('If-None-Match and If-Modified-Since (RFC 9110 §13)', () => {
  test.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc" ', true],
    ['*', true],
    ['"a,bc"', false],
    ['"x"', false],
    ['abc', false],
    ['"abc', false],
    ['', false],
  ])('If-None-Match: %s → 304 %s', (header, expected) => {
    expect(get({ ifNoneMatch: header })).toBe(expected);
  });

  test('a comma inside quotes is part of the tag', () => {
    expect(parseEntityTags('"a,b", "c"')).toEqual(['a,b', 'c']);
    expect(weaklyMatches('"a,b"', '"a,b"')).toBe(true);
  });

  test('with If-None-Match present, If-Modified-Since is not evaluated', () => {
    expect(get({ ifNoneMatch: '"x"', ifModifiedSince: MODIFIED })).toBe(false);
    expect(get({ ifNoneMatch: '"abc"', ifModifiedSince: 'Sun, 13 Jun 2021 10:00:00 GMT' })).toBe(true);
  });

  test('If-Modified-Since alone: not modified since → 304; an invalid date is ignored', () => {
    expect(get({ ifModifiedSince: MODIFIED })).toBe(true);
    expect(get({ ifModifiedSince: 'Tue, 15 Jun 2021 10:00:00 GMT' })).toBe(true);
    expect(get({ ifModifiedSince: 'Sun, 13 Jun 2021 10:00:00 GMT' })).toBe(false);
    expect(get({ ifModifiedSince: 'yesterday' })).toBe(false);
  });

  test('HEAD is evaluated like GET; other methods never get a 304', () => {
    expect(get({ ifNoneMatch: '"abc"' }, 'HEAD')).toBe(true);
    expect(get({ ifNoneMatch: '"abc"' }, 'POST')).toBe(false);
  });

  test('no validators asked for: 200', () => {
    expect(get({})).toBe(false);
  });
});

describe('Accept-Encoding', () => {
  const both = ['br', 'gzip'] as const;
  test.each([
    [undefined, 'identity'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['gzip;q=0.5, br;q=0.4', 'gzip'],
    ['deflate', 'identity'],
    ['identity;q=0', 'identity'],
    ['GZIP', 'gzip'],
    ['*;q=0, identity', 'identity'],
  ])('%s → %s', (header, coding) => {
    expect(chooseCoding(header, both)).toBe(coding);
  });

  test('a coding the entry does not hold is never chosen', () => {
    expect(chooseCoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseCoding('br', [])).toBe('identity');
  });
});

describe('the byte-bounded LRU', () => {
  test('100,000 distinct entries never take more than the bound', () => {
    const lru = new ByteLru<{ size: number }>(1024 * 1024);
    for (let index = 0; index < 100_000; index += 1) {
      lru.set(`key-${index}`, { size: 100 + (index % 500) });
      if (index % 997 === 0) expect(lru.stats().bytes).toBeLessThanOrEqual(1024 * 1024);
    }
    const { bytes, entries, evictions } = lru.stats();
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(entries).toBeGreaterThan(1000);
    expect(evictions).toBe(100_000 - entries);
  });

  test('evicts the least recently used; a hit makes an entry recent', () => {
    const lru = new ByteLru<{ size: number }>(300, 300);
    lru.set('a', { size: 100 });
    lru.set('b', { size: 100 });
    lru.set('c', { size: 100 });
    expect(lru.get('a')).toBeDefined();
    lru.set('d', { size: 100 });
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
  });

  test('an entry over the per-entry bound is refused; growth is charged and can evict', () => {
    const lru = new ByteLru<{ size: number }>(1000, 400);
    expect(lru.set('big', { size: 401 })).toBe(false);
    const first = { size: 300 };
    lru.set('first', first);
    lru.set('second', { size: 300 });
    lru.set('third', { size: 300 });
    lru.grew('third', lru.get('third') as { size: number }, 200);
    expect(lru.stats().bytes).toBeLessThanOrEqual(1000);
    expect(lru.get('first')).toBeUndefined();
  });
});

describe('single-flight renders', () => {
  test('20 concurrent misses of one key render once', async () => {
    const flight = new SingleFlight<number>();
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 200;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => flight.run('k', render, () => true)));
    expect(results).toEqual(Array(20).fill(200));
    expect(renders).toBe(1);
    expect(flight.size).toBe(0);
  });

  test("a leader's failure or unshareable result is not handed to the others", async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (calls === 1) throw new Error('leader failed');
      return 200;
    };
    const [leader, follower] = await Promise.allSettled([
      flight.run('k', failing, () => true),
      flight.run('k', failing, () => true),
    ]);
    expect(leader.status).toBe('rejected');
    expect(follower).toEqual({ status: 'fulfilled', value: 200 });

    let status = 503;
    const busy = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return status--;
    };
    const answers = await Promise.all([
      flight.run('q', busy, (s) => s === 200),
      flight.run('q', busy, (s) => s === 200),
    ]);
    expect(answers).toEqual([503, 502]);
  });
});

describe('fresh reads shared by concurrent callers', () => {
  // A database whose value the test changes, and whose reads finish when the test says.
  function slowStore() {
    let value = 0;
    const reads: Array<{ saw: number; finish: () => void }> = [];
    const read = () =>
      new Promise<number>((resolve) => {
        const saw = value;
        reads.push({ saw, finish: () => resolve(saw) });
      });
    return { read, reads, set: (next: number) => (value = next) };
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  test('callers during a read join the next read, which sees what was written before they asked', async () => {
    const store = slowStore();
    const reader = new FreshRead(store.read);
    const first = reader.get();
    store.set(1); // committed after the first read began, before the next callers asked
    const second = reader.get();
    const third = reader.get();
    expect(store.reads).toHaveLength(1);
    store.reads[0].finish();
    expect(await first).toBe(0);
    await tick();
    expect(store.reads).toHaveLength(2);
    store.reads[1].finish();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
  });

  test('a caller after the reads ended starts a new one', async () => {
    const store = slowStore();
    const reader = new FreshRead(store.read);
    const first = reader.get();
    store.reads[0].finish();
    await first;
    store.set(2);
    const later = reader.get();
    expect(store.reads).toHaveLength(2);
    store.reads[1].finish();
    expect(await later).toBe(2);
  });

  test('a failed read fails only its own callers; the queued read still runs', async () => {
    let calls = 0;
    let fail!: (error: Error) => void;
    const reader = new FreshRead(() => {
      calls += 1;
      if (calls === 1) return new Promise<number>((_resolve, reject) => (fail = reject));
      return Promise.resolve(7);
    });
    const failing = reader.get();
    const queued = reader.get();
    fail(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    expect(await queued).toBe(7);
    expect(calls).toBe(2);
  });
});

describe('the cache key', () => {
  const base = 'https://news.example';
  test('top-level order is ignored, nested order is kept', () => {
    expect(cacheKey('/api/articles', { b: '1', a: '2' }, base)).toBe(
      cacheKey('/api/articles', { a: '2', b: '1' }, base),
    );
    expect(cacheKey('/api/articles', { sort: ['title', 'date'] }, base)).not.toBe(
      cacheKey('/api/articles', { sort: ['date', 'title'] }, base),
    );
    expect(cacheKey('/api/articles', { sort: { title: 'asc', date: 'desc' } }, base)).not.toBe(
      cacheKey('/api/articles', { sort: { date: 'desc', title: 'asc' } }, base),
    );
  });

  test('a bare parameter, an empty one, the path case and the base URL all count', () => {
    expect(cacheKey('/api/articles', { a: null }, base)).not.toBe(cacheKey('/api/articles', { a: '' }, base));
    expect(cacheKey('/api/articles/ABC', {}, base)).not.toBe(cacheKey('/api/articles/abc', {}, base));
    expect(cacheKey('/api/articles', {}, base)).not.toBe(cacheKey('/api/articles', {}, 'https://other.example'));
  });
});
