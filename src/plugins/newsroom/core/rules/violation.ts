// A refused write and how a rule words it: the field, the rule, English and Arabic. The content
// API answers both languages at once; an editor reads only the admin's interface language.
import { isolateForeignRuns } from '../bidi';

export type MessageLanguage = 'en' | 'ar';

export interface Violation {
  field: string;
  rule: string;
  /** Both languages, as the content API answers: `field: English — Arabic`. */
  message: string;
  /** Each language alone, with the field named in it (plain text, as the API answers it). */
  messages: Record<MessageLanguage, string>;
}

// How an editor names each field the rules speak of, in Arabic.
const FIELD_NAMES_AR: Record<string, string> = {
  title: 'العنوان',
  body: 'النص',
  credits: 'الإسناد',
  slug: 'الرابط المختصر',
  lang: 'اللغة',
  dir: 'الاتجاه',
  dateline: 'سطر التاريخ',
  text: 'نص الاقتباس',
  speaker: 'القائل',
  speakerRole: 'صفة القائل',
  context: 'السياق',
  needsReview: 'بحاجة إلى مراجعة',
  name: 'الاسم',
  nameLatin: 'الاسم بالحروف اللاتينية',
  url: 'الرابط',
  source: 'المصدر',
  article: 'المقال',
  picture: 'الصورة',
  'picture.alt': 'النص البديل للصورة',
  code: 'رمز الموضوع',
};

/** A refused write: the HTTP status to answer with and what was wrong, in English and Arabic. */
export class RuleViolation extends Error {
  constructor(
    readonly violations: Violation[],
    readonly status: 400 | 413 = 400,
  ) {
    super(violations.map((violation) => violation.message).join(' '));
    this.name = 'RuleViolation';
  }

  /** The message in one language, for display: isolated, so mixed scripts read in order. */
  messageIn(language: MessageLanguage): string {
    return this.violations.map((violation) => displayed(violation, language)).join('\n');
  }
}

/** One violation, worded in each language and in both. */
export function violation(field: string, rule: string, english: string, arabic: string): Violation {
  const fieldAr = FIELD_NAMES_AR[field] ?? field;
  return {
    field,
    rule,
    message: `${field}: ${english} — ${arabic}`,
    messages: { en: `${field}: ${english}`, ar: `${fieldAr}: ${arabic}` },
  };
}

/**
 * One violation in one language, isolated as a whole in its own direction and each run of the
 * other script isolated inside it, so "سبوتنيك (Sputnik)" reads in order in any box.
 */
export function displayed(violation: Violation, language: MessageLanguage): string {
  return isolateForeignRuns(violation.messages[language], language === 'ar' ? 'rtl' : 'ltr');
}

/** Refuse a write: the field, the rule's name, and what was wrong in English and Arabic. */
export function refuse(field: string, rule: string, english: string, arabic: string, status: 400 | 413 = 400): never {
  throw new RuleViolation([violation(field, rule, english, arabic)], status);
}
