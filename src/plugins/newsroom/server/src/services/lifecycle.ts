// The story lifecycle on the read side (core/lifecycle decides): who reads (the public, or an
// embargo partner by the name of its API token), the filters of public reads, and when the public
// answers next change with no write (an embargo lifting, a kill notice expiring), which the
// response cache and the feeds' validators follow. State: the last window read, per content version.
import type { Core } from '@strapi/strapi';
import {
  lastChangeAt,
  nextChangeAt,
  quoteReadFilter,
  readFilter,
  type Audience,
  type LifecycleFields,
  type LifecycleOptions,
} from '#core/lifecycle';
import { ARTICLE, QUOTE } from '../constants';
import { backfillVersions } from '../migrations/1.1.0-lifecycle-versions';
import { newsroomConfig } from '../utils';
import type { ContentVersion } from './content-version';
import { API_TOKEN_STRATEGIES, validApiToken } from '../utils/strapi-internals/authentication';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the public answers last changed and next change without a write, for one content version. */
export interface ChangeWindow {
  /** The content version's tag the window was read for. */
  tag: string;
  lastChangeAt: string | null;
  nextChangeAt: string | null;
}

interface AuthState {
  strategy?: { name?: string };
  credentials?: { name?: string };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let window: ChangeWindow | undefined;

  const options = (audience: Audience = 'public'): LifecycleOptions => ({
    killNoticeDays: newsroomConfig(strapi).killNoticeDays,
    audience,
  });

  const isPartner = (tokenName: string | undefined) =>
    tokenName !== undefined && newsroomConfig(strapi).embargoPartners.includes(tokenName);

  // The stories whose public state changes, or changed since `since`, with no write: those under
  // an embargo that lifts after it and those killed (their notices expire).
  async function changingStories(since: Date): Promise<LifecycleFields[]> {
    const oldestNotice = new Date(since.getTime() - newsroomConfig(strapi).killNoticeDays * DAY_MS);
    return strapi.db.query(ARTICLE).findMany({
      select: ['pubStatus', 'embargoedUntil', 'killedAt', 'updatedAt', 'publishedAt'],
      where: {
        publishedAt: { $notNull: true },
        $or: [
          { embargoedUntil: { $gt: since } },
          { pubStatus: 'canceled', $or: [{ killedAt: { $gt: oldestNotice } }, { killedAt: { $null: true } }] },
        ],
      },
    });
  }

  return {
    options,

    /** Called in bootstrap(): version 1 for stories published before versions existed. */
    backfillVersions: () => backfillVersions(strapi),

    /**
     * Who reads, by the request's credentials: an embargo partner when an API token on the
     * `embargoPartners` list authenticated it, or, on the routes that authenticate nobody (the
     * feeds), when the bearer token is one; the public otherwise.
     */
    async audienceOf(ctx: { state?: { auth?: unknown }; get(header: string): string }): Promise<Audience> {
      const auth = ctx.state?.auth as AuthState | undefined;
      if (auth?.strategy?.name) {
        return API_TOKEN_STRATEGIES.has(auth.strategy.name) && isPartner(auth.credentials?.name)
          ? 'embargo-partner'
          : 'public';
      }
      const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('Authorization'))?.[1];
      if (!bearer || newsroomConfig(strapi).embargoPartners.length === 0) return 'public';
      // As Strapi's own token strategy would: an expired token is nobody's.
      const token = await validApiToken(strapi, bearer);
      return isPartner(token?.name) ? 'embargo-partner' : 'public';
    },

    /** The filter a public read of `uid` adds at `now`, or undefined for a type with none. */
    readFilter(uid: string, now: Date, audience: Audience): Record<string, unknown> | undefined {
      if (uid === ARTICLE) return readFilter(now, audience);
      if (uid === QUOTE) return quoteReadFilter(now, audience);
      return undefined;
    },

    /**
     * The window of a content version at `now`: read again when the version moved or the next
     * change came, so a burst of reads costs one query per change.
     */
    async changeWindow(version: ContentVersion, now = new Date()): Promise<ChangeWindow> {
      const next = window?.nextChangeAt ? Date.parse(window.nextChangeAt) : Infinity;
      if (window && window.tag === version.tag && now.getTime() < next) return window;
      // A change before the last write is older than the write's own Last-Modified: not needed.
      const stories = await changingStories(new Date(Math.min(Date.parse(version.at), now.getTime())));
      window = {
        tag: version.tag,
        lastChangeAt: lastChangeAt(stories, now, options()),
        nextChangeAt: nextChangeAt(stories, now, options()),
      };
      return window;
    },
  };
};
