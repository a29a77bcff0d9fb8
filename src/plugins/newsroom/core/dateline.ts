// The dateline is derived from the credits and the dispatch date, never typed.
import { formatDatelineDate } from './arabic-dates';

export type CreditRole = 'originator' | 'distributor' | 'contributor';
export const CREDIT_ROLES: readonly CreditRole[] = ['originator', 'distributor', 'contributor'];

export interface CreditedSource {
  role: CreditRole | string | null | undefined;
  source: { name?: string | null; slug?: string | null; nameLatin?: string | null } | null | undefined;
}

/**
 * `(distributor / originator - D month YYYYء)`, after the city when the dispatch gave one
 * (`دمشق (پاکستان پوائنٹ نیوز / سانا - 5 مارس 2024ء)`, the republisher's own form); null when there
 * is nothing to say.
 */
export function formatDateline(
  credits: readonly CreditedSource[],
  dispatchDate?: string | null,
  city?: string | null,
): string | null {
  const namesWith = (role: CreditRole) =>
    credits
      .filter((credit) => credit.role === role && credit.source?.name)
      .map((credit) => (credit.source?.name as string).trim());
  const outlets = [...new Set([...namesWith('distributor'), ...namesWith('originator')])];
  const date = dispatchDate ? formatDatelineDate(dispatchDate) : undefined;
  if (outlets.length === 0 && !date) return null;
  const who = outlets.join(' / ');
  const place = city?.trim();
  return `${place ? `${place} ` : ''}(${[who, date].filter(Boolean).join(' - ')})`;
}
