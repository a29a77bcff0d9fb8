// The story's version and first publication: 1 at first publish, +1 at each published change;
// `firstPublishedAt` is set once and never moves (a republish after an unpublish goes on counting).

/** The version a publish gives: 1 the first time, the last published version + 1 after. */
export function versionOnPublish(lastPublished: number | null | undefined, changed = true): number {
  if (lastPublished === null || lastPublished === undefined) return 1;
  if (!Number.isInteger(lastPublished) || lastPublished < 1) {
    throw new RangeError(`versionOnPublish: a stored version is a whole number from 1, not ${lastPublished}`);
  }
  return changed ? lastPublished + 1 : lastPublished;
}

/** The first publication: the stored one, else this publish's time. */
export const firstPublishedAtOnPublish = (stored: string | null | undefined, now: Date): string =>
  stored || now.toISOString();
