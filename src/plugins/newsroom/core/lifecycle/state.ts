// A story's public state at an instant, from its stored lifecycle fields and the time alone: no
// write happens when an embargo lifts or a kill notice expires, so every read decides it anew, and
// a response cache learns from `nextChangeAt` the instant its answer stops being true.

export type PubStatus = 'usable' | 'withheld' | 'canceled';
export const PUB_STATUSES: readonly PubStatus[] = ['usable', 'withheld', 'canceled'];

/** How long a killed story stays in public feeds as a kill notice, unless configured. */
export const DEFAULT_KILL_NOTICE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LifecycleFields {
  pubStatus?: string | null;
  embargoedUntil?: string | null;
  /** When the kill was written; a story killed before this field existed falls back to `updatedAt`. */
  killedAt?: string | null;
  updatedAt?: string | null;
  publishedAt?: string | null;
}

export interface LifecycleOptions {
  killNoticeDays?: number;
  /**
   * Who reads: the public (default), or a partner whose token is on the embargo list. The partner
   * also sees embargoed stories (as `withheld`), and so must learn of a kill even before the lift.
   */
  audience?: Audience;
}

export type Audience = 'public' | 'embargo-partner';

/**
 * - `public`: in every public read, list, search and feed.
 * - `kill-notice`: in no public read or search; the feeds carry a kill notice (ninjs: `canceled`)
 *   until `until`.
 * - `withheld`: in no public path; embargo partners see it as `withheld`. `until` is the instant the
 *   embargo lifts, absent for a story held with no embargo time.
 * - `gone`: in no public path at all (a draft, a kill notice that expired, a story killed before
 *   its embargo lifted: the public never saw it, so it needs no notice).
 */
export type PublicState =
  | { visibility: 'public' }
  | { visibility: 'kill-notice'; until: string }
  | { visibility: 'withheld'; until?: string }
  | { visibility: 'gone' };

/** Milliseconds since the epoch, or undefined for a missing or unreadable time. */
export function instant(value: string | Date | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

const iso = (time: number) => new Date(time).toISOString();

function killNoticeDays(options: LifecycleOptions): number {
  const days = options.killNoticeDays ?? DEFAULT_KILL_NOTICE_DAYS;
  return Number.isFinite(days) && days >= 0 ? days : DEFAULT_KILL_NOTICE_DAYS;
}

/**
 * The story's public state at `now`. Every doubt fails closed: an unreadable embargo time withholds
 * the story for good, an unreadable kill time shows no notice.
 */
export function publicState(story: LifecycleFields, now: Date | string, options: LifecycleOptions = {}): PublicState {
  const at = instant(now);
  if (at === undefined) throw new TypeError(`publicState: unreadable time ${String(now)}`);
  if (!story.publishedAt) return { visibility: 'gone' };
  const embargoed = story.embargoedUntil ? (instant(story.embargoedUntil) ?? Infinity) : undefined;

  if (story.pubStatus === 'canceled') {
    const killed = instant(story.killedAt) ?? instant(story.updatedAt);
    if (killed === undefined) return { visibility: 'gone' };
    // Killed while still under embargo: the public never saw it and never will; embargo partners did.
    if (options.audience !== 'embargo-partner' && embargoed !== undefined && killed < embargoed) {
      return { visibility: 'gone' };
    }
    const expires = killed + killNoticeDays(options) * DAY_MS;
    return at < expires ? { visibility: 'kill-notice', until: iso(expires) } : { visibility: 'gone' };
  }
  if (embargoed !== undefined && at < embargoed) {
    return Number.isFinite(embargoed) ? { visibility: 'withheld', until: iso(embargoed) } : { visibility: 'withheld' };
  }
  // `withheld` is stored while embargoed and stays stored after the lift (no write happens then):
  // only a hold with no embargo time at all still withholds.
  if (story.pubStatus === 'withheld' && embargoed === undefined) return { visibility: 'withheld' };
  return { visibility: 'public' };
}

/** Whether a public read, list, search, count or populate shows the story in this state. */
export function shownInReads(state: PublicState, audience: Audience = 'public'): boolean {
  if (state.visibility === 'public') return true;
  // A partner sees an embargoed story, not one an editor holds with no embargo time.
  return audience === 'embargo-partner' && state.visibility === 'withheld' && state.until !== undefined;
}

/** Whether the feeds carry the story: as in reads, and a kill notice while it lasts. */
export const shownInFeeds = (state: PublicState, audience: Audience = 'public'): boolean =>
  state.visibility === 'kill-notice' || shownInReads(state, audience);

/** The ninjs `pubStatus` a partner sees at `now`: `withheld` turns `usable` when the embargo lifts. */
export function effectivePubStatus(
  story: LifecycleFields,
  now: Date | string,
  options: LifecycleOptions = {},
): PubStatus {
  if (story.pubStatus === 'canceled') return 'canceled';
  return publicState(story, now, options).visibility === 'withheld' ? 'withheld' : 'usable';
}

/**
 * The earliest instant after `now` at which the public state of any of `stories` changes (an
 * embargo lifting, a kill notice expiring), or null when none will without a write. A response
 * cache expires an answer then. Pass every story the answer could hold, including those its
 * filters left out because they were withheld: an answer that omits an embargoed story stops being
 * true when that embargo lifts.
 */
export function nextChangeAt(
  stories: Iterable<LifecycleFields>,
  now: Date | string,
  options: LifecycleOptions = {},
): string | null {
  let earliest = Infinity;
  for (const story of stories) {
    const state = publicState(story, now, options);
    const until = 'until' in state ? instant(state.until) : undefined;
    if (until !== undefined && until < earliest) earliest = until;
  }
  return Number.isFinite(earliest) ? iso(earliest) : null;
}

/**
 * The latest instant at or before `now` at which the state of any of `stories` changed without a
 * write (an embargo lifted, a kill notice expired), or null. An answer's Last-Modified is the later
 * of this and the last write, so a copy taken before an embargo lifted is not "not modified".
 */
export function lastChangeAt(
  stories: Iterable<LifecycleFields>,
  now: Date | string,
  options: LifecycleOptions = {},
): string | null {
  const at = instant(now);
  if (at === undefined) throw new TypeError(`lastChangeAt: unreadable time ${String(now)}`);
  let latest = -Infinity;
  for (const story of stories) {
    const killed = instant(story.killedAt) ?? instant(story.updatedAt);
    const candidates = [
      instant(story.embargoedUntil),
      killed === undefined ? undefined : killed + killNoticeDays(options) * DAY_MS,
    ];
    for (const candidate of candidates) {
      if (candidate === undefined || candidate > at || candidate <= latest) continue;
      const before = JSON.stringify(publicState(story, iso(candidate - 1), options));
      if (before !== JSON.stringify(publicState(story, iso(candidate), options))) latest = candidate;
    }
  }
  return Number.isFinite(latest) ? iso(latest) : null;
}
