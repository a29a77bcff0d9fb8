// Corrections are append-only: a write may add corrections at the end, never change, reorder or
// drop one a partner may already have printed.
import { refuse } from '../rules/violation';
import { instant } from './state';

export interface Correction {
  at: string;
  note: string;
}

export interface CorrectionsChange {
  /** The first stored correction the write changed or dropped. */
  index: number;
  reason: 'changed' | 'dropped';
}

// Strapi returns a datetime with milliseconds (…T10:00:00.000Z): the same instant written
// without them is the same correction.
const sameAt = (a: string, b: string) => a === b || (instant(a) !== undefined && instant(a) === instant(b));

const sameCorrection = (a: Partial<Correction>, b: Partial<Correction>) =>
  sameAt(String(a.at ?? ''), String(b.at ?? '')) && (a.note ?? '') === (b.note ?? '');

/** The first stored correction that `next` changes or drops, or null when it only appends. */
export function correctionsChange(
  stored: readonly Partial<Correction>[] | null | undefined,
  next: readonly Partial<Correction>[] | null | undefined,
): CorrectionsChange | null {
  const before = stored ?? [];
  const after = next ?? [];
  for (let index = 0; index < before.length; index++) {
    if (index >= after.length) return { index, reason: 'dropped' };
    if (!sameCorrection(before[index], after[index])) return { index, reason: 'changed' };
  }
  return null;
}

/** Refuse a write that changes or drops a stored correction, naming it; check each added one. */
export function assertCorrectionsAppendOnly(
  stored: readonly Partial<Correction>[] | null | undefined,
  next: readonly Partial<Correction>[] | null | undefined,
): void {
  const change = correctionsChange(stored, next);
  if (change) {
    const { index, reason } = change;
    refuse(
      `corrections[${index}]`,
      'corrections-append-only',
      `correction ${index + 1} was ${reason === 'dropped' ? 'removed' : 'changed'}; corrections are never edited or removed: issue a new correction instead.`,
      `التصحيح رقم ${index + 1} ${reason === 'dropped' ? 'حُذف' : 'عُدّل'}؛ لا تُعدّل التصحيحات ولا تُحذف: أصدر تصحيحًا جديدًا بدلًا من ذلك.`,
    );
  }
  const after = next ?? [];
  for (let index = (stored ?? []).length; index < after.length; index++) {
    const correction = after[index];
    if (instant(correction.at) === undefined) {
      refuse(
        `corrections[${index}]`,
        'correction-time',
        'a correction needs the time it was issued (at, an ISO 8601 date and time).',
        'يحتاج التصحيح إلى وقت إصداره (at، تاريخ ووقت بصيغة ISO 8601).',
      );
    }
    if (!correction.note?.trim()) {
      refuse(
        `corrections[${index}]`,
        'correction-note',
        'a correction needs a note saying what it changed.',
        'يحتاج التصحيح إلى ملاحظة تبيّن ما الذي صُحّح.',
      );
    }
  }
}
