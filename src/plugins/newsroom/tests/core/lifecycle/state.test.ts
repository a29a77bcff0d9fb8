// The public state of a story at an instant and the instant it next changes: worked examples, then
// generated stories and instants (seeded: the same cases every run) checked against the definition
// of nextChangeAt: nothing changes before it, something changes at it.
import {
  DEFAULT_KILL_NOTICE_DAYS,
  effectivePubStatus,
  lastChangeAt,
  nextChangeAt,
  publicState,
  shownInFeeds,
  shownInReads,
  type Audience,
  type LifecycleFields,
} from '#core/lifecycle';
import { pick, random } from '../../helpers/seeded-random';

const PUBLISHED = '2026-12-01T09:00:00.000Z';
const NOON = '2026-12-07T12:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const plus = (time: string, ms: number) => new Date(Date.parse(time) + ms).toISOString();

describe('publicState', () => {
  test('a published usable story is public; a draft is gone', () => {
    expect(publicState({ publishedAt: PUBLISHED, pubStatus: 'usable' }, NOON)).toEqual({ visibility: 'public' });
    expect(publicState({ publishedAt: PUBLISHED }, NOON)).toEqual({ visibility: 'public' });
    expect(publicState({ publishedAt: null, pubStatus: 'usable' }, NOON)).toEqual({ visibility: 'gone' });
  });

  test('an embargo withholds until the instant it lifts, whatever pubStatus says, then the story is public', () => {
    for (const pubStatus of ['usable', 'withheld', undefined]) {
      const story = { publishedAt: PUBLISHED, pubStatus, embargoedUntil: NOON };
      expect(publicState(story, plus(NOON, -1))).toEqual({ visibility: 'withheld', until: NOON });
      expect(publicState(story, NOON)).toEqual({ visibility: 'public' });
      expect(effectivePubStatus(story, plus(NOON, -1))).toBe('withheld');
      expect(effectivePubStatus(story, NOON)).toBe('usable');
    }
  });

  test('withheld with no embargo time is held with no end; an unreadable embargo time holds for good', () => {
    expect(publicState({ publishedAt: PUBLISHED, pubStatus: 'withheld' }, NOON)).toEqual({ visibility: 'withheld' });
    expect(publicState({ publishedAt: PUBLISHED, embargoedUntil: 'tomorrow' }, '2999-01-01T00:00:00Z')).toEqual({
      visibility: 'withheld',
    });
  });

  test('a kill shows a notice for 30 days from the kill (killedAt, else updatedAt), then nothing', () => {
    const killed = { publishedAt: PUBLISHED, pubStatus: 'canceled', killedAt: NOON, updatedAt: plus(NOON, DAY) };
    const expires = plus(NOON, DEFAULT_KILL_NOTICE_DAYS * DAY);
    expect(DEFAULT_KILL_NOTICE_DAYS).toBe(30);
    expect(publicState(killed, NOON)).toEqual({ visibility: 'kill-notice', until: expires });
    expect(publicState(killed, plus(expires, -1))).toEqual({ visibility: 'kill-notice', until: expires });
    expect(publicState(killed, expires)).toEqual({ visibility: 'gone' });
    const { killedAt, ...legacy } = killed;
    expect(publicState(legacy, NOON)).toEqual({ visibility: 'kill-notice', until: plus(expires, DAY) });
    expect(publicState(killed, NOON, { killNoticeDays: 2 })).toEqual({
      visibility: 'kill-notice',
      until: plus(NOON, 2 * DAY),
    });
    expect(publicState(killed, NOON, { killNoticeDays: 0 })).toEqual({ visibility: 'gone' });
    expect(publicState({ ...killed, killedAt: 'x', updatedAt: null }, NOON)).toEqual({ visibility: 'gone' });
    expect(effectivePubStatus(killed, plus(expires, DAY))).toBe('canceled');
  });

  test('a story killed before its embargo lifted is never shown, not even as a notice', () => {
    const story = { publishedAt: PUBLISHED, pubStatus: 'canceled', embargoedUntil: NOON, killedAt: plus(NOON, -DAY) };
    expect(publicState(story, plus(NOON, -2 * DAY))).toEqual({ visibility: 'gone' });
    expect(publicState(story, plus(NOON, DAY))).toEqual({ visibility: 'gone' });
    const after = { ...story, killedAt: plus(NOON, DAY) };
    expect(publicState(after, plus(NOON, 2 * DAY)).visibility).toBe('kill-notice');
  });

  test('an embargo partner learns of a kill made before the lift; the public never sees it', () => {
    const story = { publishedAt: PUBLISHED, pubStatus: 'canceled', embargoedUntil: NOON, killedAt: plus(NOON, -DAY) };
    const partner = { audience: 'embargo-partner' as const };
    expect(publicState(story, plus(NOON, -DAY), partner)).toEqual({
      visibility: 'kill-notice',
      until: plus(NOON, 29 * DAY),
    });
    expect(publicState(story, plus(NOON, 29 * DAY), partner)).toEqual({ visibility: 'gone' });
  });

  test('who is shown what: reads, feeds, the public and embargo partners', () => {
    const cases: Array<[LifecycleFields, boolean, boolean, boolean, boolean]> = [
      // story, public reads, public feeds, partner reads, partner feeds
      [{ publishedAt: PUBLISHED }, true, true, true, true],
      [{ publishedAt: PUBLISHED, pubStatus: 'withheld', embargoedUntil: plus(NOON, DAY) }, false, false, true, true],
      [{ publishedAt: PUBLISHED, pubStatus: 'withheld' }, false, false, false, false],
      [{ publishedAt: PUBLISHED, pubStatus: 'canceled', killedAt: NOON }, false, true, false, true],
      [{ publishedAt: PUBLISHED, pubStatus: 'canceled', killedAt: plus(NOON, -31 * DAY) }, false, false, false, false],
      [{ publishedAt: null }, false, false, false, false],
    ];
    for (const [story, publicReads, publicFeeds, partnerReads, partnerFeeds] of cases) {
      const seen = (audience: Audience) => publicState(story, NOON, { audience });
      expect([
        shownInReads(seen('public')),
        shownInFeeds(seen('public')),
        shownInReads(seen('embargo-partner'), 'embargo-partner'),
        shownInFeeds(seen('embargo-partner'), 'embargo-partner'),
      ]).toEqual([publicReads, publicFeeds, partnerReads, partnerFeeds]);
    }
  });

  test('an unreadable now is an error, not a guess', () => {
    expect(() => publicState({ publishedAt: PUBLISHED }, 'soon')).toThrow(/unreadable time/);
  });
});

describe('nextChangeAt', () => {
  test('the earliest embargo lift or notice expiry after now; null when only a write can change anything', () => {
    const stories: LifecycleFields[] = [
      { publishedAt: PUBLISHED },
      { publishedAt: PUBLISHED, pubStatus: 'withheld', embargoedUntil: plus(NOON, 3 * DAY) },
      { publishedAt: PUBLISHED, pubStatus: 'canceled', killedAt: plus(NOON, -29 * DAY) },
      { publishedAt: PUBLISHED, embargoedUntil: plus(NOON, -DAY) },
    ];
    expect(nextChangeAt(stories, NOON)).toBe(plus(NOON, DAY));
    expect(nextChangeAt(stories, plus(NOON, DAY))).toBe(plus(NOON, 3 * DAY));
    expect(nextChangeAt(stories, plus(NOON, 3 * DAY))).toBeNull();
    expect(nextChangeAt([], NOON)).toBeNull();
    expect(lastChangeAt(stories, NOON)).toBe(plus(NOON, -DAY));
    expect(lastChangeAt(stories, plus(NOON, 3 * DAY))).toBe(plus(NOON, 3 * DAY));
    expect(lastChangeAt([{ publishedAt: PUBLISHED }], NOON)).toBeNull();
  });

  test('generated stories: nothing changes before nextChangeAt, something changes at it', () => {
    const next = random(25);
    const base = Date.parse(NOON);
    // Instants on a coarse grid so that ties (a lift at exactly now) are common.
    const time = () => new Date(base + (Math.floor(next() * 121) - 60) * 6 * 60 * 60 * 1000).toISOString();
    const maybe = <T>(value: () => T) => (next() < 0.5 ? value() : undefined);
    const story = (): LifecycleFields => ({
      publishedAt: pick(next, [PUBLISHED, null, PUBLISHED, PUBLISHED]),
      pubStatus: pick(next, ['usable', 'withheld', 'canceled', undefined]),
      embargoedUntil: maybe(time),
      killedAt: maybe(time),
      updatedAt: maybe(time),
    });
    let changes = 0;
    for (let round = 0; round < 2000; round++) {
      const stories = Array.from({ length: 1 + Math.floor(next() * 4) }, story);
      const options = {
        killNoticeDays: pick(next, [30, 1, 0.25]),
        audience: pick(next, ['public', 'embargo-partner'] as const),
      };
      const now = time();
      const states = (at: string) => stories.map((item) => JSON.stringify(publicState(item, at, options)));
      const change = nextChangeAt(stories, now, options);
      const before = states(now);
      const last = lastChangeAt(stories, now, options);
      if (last !== null) {
        expect(last <= now).toBe(true);
        expect(states(plus(last, -1))).not.toEqual(states(last));
        for (const at of [last, now]) expect(states(at)).toEqual(before);
      }
      // Nothing changed between the last change (or long before) and now.
      const since = last ?? plus(now, -200 * DAY);
      expect(states(plus(since, Math.floor(next() * (Date.parse(now) - Date.parse(since)))))).toEqual(before);
      const later = [plus(now, 1), plus(now, Math.floor(next() * 100 * DAY))];
      if (change === null) {
        for (const at of later) expect(states(at)).toEqual(before);
        continue;
      }
      changes++;
      expect(Date.parse(change)).toBeGreaterThan(Date.parse(now));
      for (const at of [...later, plus(change, -1)].filter((at) => at < change)) expect(states(at)).toEqual(before);
      expect(states(change)).not.toEqual(before);
    }
    expect(changes).toBeGreaterThan(200);
  });
});
