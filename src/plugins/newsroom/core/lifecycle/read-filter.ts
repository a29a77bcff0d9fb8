// `shownInReads` as a database filter (Strapi's filter syntax), so a list, a count and its
// pagination leave out what the public may not read in the query itself. It holds for published
// rows (the content API adds `status: published`); tests check it against `shownInReads` on
// generated stories and instants.
import type { Audience } from './state';

export type ReadFilter = Record<string, unknown>;

/**
 * The stories an audience reads at `now`: no killed story; a story withheld with no embargo time
 * for nobody; an embargoed story for embargo partners only, for the public once the time passed.
 * `null` matches no filter operator, so each test of a column names its nulls.
 */
export function readFilter(now: Date, audience: Audience = 'public'): ReadFilter {
  const status = {
    $or: [
      { pubStatus: { $null: true } },
      { pubStatus: { $eq: 'usable' } },
      { $and: [{ pubStatus: { $eq: 'withheld' } }, { embargoedUntil: { $notNull: true } }] },
    ],
  };
  if (audience === 'embargo-partner') return status;
  return {
    $and: [status, { $or: [{ embargoedUntil: { $null: true } }, { embargoedUntil: { $lte: now.toISOString() } }] }],
  };
}

/** The Quotes an audience reads: those of no Article, or of an Article it reads. */
export function quoteReadFilter(now: Date, audience: Audience = 'public'): ReadFilter {
  return { $or: [{ article: { id: { $null: true } } }, { article: readFilter(now, audience) }] };
}
