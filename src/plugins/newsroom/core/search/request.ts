// The query string of GET /api/search, read and checked: a problem names the parameter.
import { queryProblem } from './query';
import type { SearchKind } from './documents';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

const KINDS: Record<string, SearchKind> = { articles: 'article', quotes: 'quote', sources: 'source' };

export interface SearchQuery {
  q: string;
  kind: SearchKind;
  page: number;
  pageSize: number;
}

export type SearchQueryReading = { query: SearchQuery } | { param: string; message: string };

function positiveInteger(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,8}$/.test(value)) return undefined;
  return Number(value);
}

/** The search a query string asks for, or the parameter it got wrong and why. */
export function readSearchQuery(query: Record<string, unknown>): SearchQueryReading {
  const problem = queryProblem(query.q);
  if (problem) return { param: 'q', message: problem };
  const type = query.type ?? 'articles';
  const kind = typeof type === 'string' ? KINDS[type] : undefined;
  if (!kind) return { param: 'type', message: 'type must be articles, quotes or sources.' };
  const pagination = query.pagination ?? {};
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
    return { param: 'pagination', message: 'pagination takes pagination[page] and pagination[pageSize].' };
  }
  const { page: pageValue, pageSize: sizeValue } = pagination as Record<string, unknown>;
  const page = positiveInteger(pageValue, 1);
  if (page === undefined)
    return { param: 'pagination[page]', message: 'pagination[page] must be a whole number from 1.' };
  const pageSize = positiveInteger(sizeValue, DEFAULT_PAGE_SIZE);
  if (pageSize === undefined || pageSize > MAX_PAGE_SIZE) {
    return {
      param: 'pagination[pageSize]',
      message: `pagination[pageSize] must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
    };
  }
  return { query: { q: query.q as string, kind, page, pageSize } };
}
