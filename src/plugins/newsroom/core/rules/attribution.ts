// Attribution: a published Article credits every required agency.
import { describeAgency, missingAgencies, type AgencyNames } from '../attribution';
import type { CreditedSource } from '../dateline';
import type { NewsroomConfig } from './config';
import { refuse } from './violation';

/** Refuse a published Article whose credits miss a required agency, naming each one. */
export function assertAttribution(
  credits: readonly CreditedSource[],
  config: NewsroomConfig,
  known: readonly AgencyNames[],
): void {
  const missing = missingAgencies(credits, config.requiredAgencies);
  if (missing.length === 0) return;
  const names = missing.map((slug) => describeAgency(slug, known));
  const namesAr = missing.map((slug) => describeAgency(slug, known, 'ar'));
  refuse(
    'credits',
    'required-agency-missing',
    `a published article must credit ${names.join(' and ')}; add a credit to ${missing.length > 1 ? 'each' : 'it'} or save as a draft.`,
    `يجب أن يُنسب الخبر المنشور إلى ${namesAr.join(' و')}؛ أضف الإسناد أو احفظه مسودة.`,
  );
}
