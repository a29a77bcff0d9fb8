// Attribution: a published Article credits every required agency.
import type { CreditedSource } from './dateline';

export interface AgencyNames {
  slug: string;
  name?: string | null;
  nameLatin?: string | null;
}

/** The required agency slugs that no credit points to. */
export function missingAgencies(credits: readonly CreditedSource[], requiredAgencies: readonly string[]): string[] {
  const credited = new Set(credits.map((credit) => credit.source?.slug).filter(Boolean));
  return requiredAgencies.filter((slug) => !credited.has(slug));
}

/** "Sputnik (سبوتنيك)" for a known agency in English, "سبوتنيك (Sputnik)" in Arabic, its slug otherwise. */
export function describeAgency(slug: string, known: readonly AgencyNames[], language: 'en' | 'ar' = 'en'): string {
  const source = known.find((candidate) => candidate.slug === slug);
  if (!source) return slug;
  const latin = source.nameLatin?.trim();
  const name = source.name?.trim();
  if (latin && name && latin !== name) return language === 'ar' ? `${name} (${latin})` : `${latin} (${name})`;
  return (language === 'ar' ? name || latin : latin || name) || slug;
}
