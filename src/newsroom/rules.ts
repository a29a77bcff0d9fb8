// The newsroom's write rules for Article, Quote and Source, applied to the data of one write.
// Pure: incoming data and the stored document in, cleaned data out, or a RuleViolation.
import { stripBidiControls } from './bidi';
import { resolveLanguage, type LanguageProblem } from './rtl';
import { bodyText, sanitizeBody, stripControlCharacters } from './sanitize';
import { isValidSlug, makeSlug } from './slug';
import { describeAgency, missingAgencies, type AgencyNames } from './attribution';
import type { CreditedSource } from './dateline';

export interface NewsroomConfig {
  requiredAgencies: string[];
  houseDistributor: string;
  maxBodyBytes: number;
}

export interface Violation {
  field: string;
  rule: string;
  message: string;
}

/** A refused write: the HTTP status to answer with and what was wrong, in English and Arabic. */
export class RuleViolation extends Error {
  constructor(
    readonly violations: Violation[],
    readonly status: 400 | 413 = 400,
  ) {
    super(violations.map((violation) => violation.message).join(' '));
    this.name = 'RuleViolation';
  }
}

type Data = Record<string, unknown>;

function refuse(field: string, rule: string, english: string, arabic: string, status: 400 | 413 = 400): never {
  throw new RuleViolation([{ field, rule, message: `${field}: ${english} — ${arabic}` }], status);
}

const has = (data: Data, field: string) => Object.prototype.hasOwnProperty.call(data, field);

function cleanLine(data: Data, field: string): void {
  if (!has(data, field) || data[field] === null || data[field] === undefined) return;
  if (typeof data[field] !== 'string') {
    refuse(field, 'not-text', `must be text, not ${typeof data[field]}.`, 'يجب أن يكون نصًا.');
  }
  data[field] = stripControlCharacters(stripBidiControls(data[field] as string))
    .replace(/\s+/g, ' ')
    .trim();
}

function effective(data: Data, existing: Data | undefined, field: string): string {
  const value = has(data, field) ? data[field] : existing?.[field];
  return typeof value === 'string' ? value : '';
}

function languageRefusal(problem: LanguageProblem): never {
  if (problem.rule === 'invalid-language-tag') {
    refuse(
      problem.field,
      problem.rule,
      `"${problem.given}" is not a BCP 47 language tag such as "ar" or "ur".`,
      `"${problem.given}" ليس وسم لغة صالحًا مثل "ar" أو "ur".`,
    );
  }
  if (problem.rule === 'invalid-direction') {
    refuse(
      problem.field,
      problem.rule,
      `must be "rtl" or "ltr", not "${problem.given}".`,
      `يجب أن يكون "rtl" أو "ltr".`,
    );
  }
  refuse(
    problem.field,
    problem.rule,
    `"${problem.given}" contradicts the text, which is ${problem.expected}; leave it out to have it derived.`,
    `القيمة "${problem.given}" تخالف اتجاه النص أو لغته (${problem.expected})؛ اتركها فارغة لتُستنتج تلقائيًا.`,
  );
}

// Fill lang/dir from the text when a write touches the text or them; refuse a contradiction.
function applyLanguage(data: Data, existing: Data | undefined, text: string, touched: boolean): void {
  if (!touched && !has(data, 'lang') && !has(data, 'dir')) return;
  const given = {
    lang: has(data, 'lang') ? data.lang : touched ? undefined : existing?.lang,
    dir: has(data, 'dir') ? data.dir : touched ? undefined : existing?.dir,
  };
  const resolved = resolveLanguage(text, given);
  if (resolved.problem) languageRefusal(resolved.problem);
  if (resolved.value) {
    data.lang = resolved.value.lang;
    data.dir = resolved.value.dir;
  }
}

function applySlug(data: Data, existing: Data | undefined, from: string, published: boolean): void {
  if (has(data, 'slug') && data.slug !== null && data.slug !== '') {
    if (typeof data.slug !== 'string') refuse('slug', 'not-text', 'must be text.', 'يجب أن يكون نصًا.');
    const slug = isValidSlug(data.slug as string) ? (data.slug as string) : makeSlug(data.slug as string);
    if (slug === '')
      refuse('slug', 'empty-slug', 'has no letters or digits to make a slug from.', 'لا يحتوي على حروف أو أرقام.');
    data.slug = slug;
  } else if (existing?.slug) {
    data.slug = existing.slug;
  } else {
    data.slug = makeSlug(from) || undefined;
  }
  if (published && existing?.slug && data.slug !== existing.slug) {
    refuse(
      'slug',
      'slug-stable-once-published',
      `cannot change once published (it is "${existing.slug}"); links and feeds depend on it.`,
      `لا يمكن تغيير المعرّف بعد النشر (وهو "${existing.slug}").`,
    );
  }
}

function applyBody(data: Data, existing: Data | undefined, config: NewsroomConfig): string {
  if (!has(data, 'body') || data.body === null) return bodyText(effective(data, existing, 'body'));
  if (typeof data.body !== 'string') refuse('body', 'not-text', 'must be an HTML string.', 'يجب أن يكون نص HTML.');
  const bytes = Buffer.byteLength(data.body as string, 'utf8');
  if (bytes > config.maxBodyBytes) {
    refuse(
      'body',
      'body-too-large',
      `is ${bytes} bytes, over the limit of ${config.maxBodyBytes}; split the article.`,
      `حجم النص ${bytes} بايت يتجاوز الحد المسموح (${config.maxBodyBytes})؛ قسّم المقال.`,
      413,
    );
  }
  return bodyText(data.body as string);
}

export interface WriteContext {
  existing?: Data;
  /** The document has a published version, so its slug is fixed. */
  published: boolean;
  config: NewsroomConfig;
}

/** Clean one Article write. The dateline is never taken from the client. */
export function prepareArticle(input: Data, { existing, published, config }: WriteContext): Data {
  const data: Data = { ...input };
  delete data.dateline;
  cleanLine(data, 'title');
  const text = applyBody(data, existing, config);
  const title = effective(data, existing, 'title');
  applyLanguage(data, existing, `${title}\n${text}`, has(data, 'title') || has(data, 'body'));
  if (has(data, 'body') && typeof data.body === 'string') {
    const lang = (data.lang ?? existing?.lang ?? 'ar') as string;
    const dir = (data.dir ?? existing?.dir ?? 'rtl') as 'rtl' | 'ltr';
    data.body = sanitizeBody(data.body, { lang, dir });
  }
  applySlug(data, existing, title, published);
  return data;
}

/** Clean one Quote write: the speaker is required even on a draft. */
export function prepareQuote(input: Data, { existing }: WriteContext): Data {
  const data: Data = { ...input };
  for (const field of ['speaker', 'speakerRole', 'context']) cleanLine(data, field);
  if (has(data, 'text') && data.text !== null) {
    if (typeof data.text !== 'string') refuse('text', 'not-text', 'must be text.', 'يجب أن يكون نصًا.');
    data.text = stripControlCharacters(stripBidiControls(data.text as string)).trim();
  }
  if (has(data, 'speaker') || !existing) {
    if (effective(data, existing, 'speaker') === '') {
      refuse('speaker', 'speaker-required', 'a quotation needs the name of who said it.', 'يجب ذكر قائل الاقتباس.');
    }
  }
  const text = `${effective(data, existing, 'text')}\n${effective(data, existing, 'speaker')}`;
  applyLanguage(data, existing, text, has(data, 'text') || has(data, 'speaker'));
  return data;
}

/** Clean one Source write: name in its own script, slug from the Latin name when there is one. */
export function prepareSource(input: Data, { existing }: WriteContext): Data {
  const data: Data = { ...input };
  for (const field of ['name', 'nameLatin', 'url']) cleanLine(data, field);
  if (has(data, 'url') && data.url) {
    if (!/^https?:\/\/[^\s]+$/i.test(data.url as string)) {
      refuse('url', 'invalid-url', 'must be an http or https address.', 'يجب أن يكون عنوان http أو https.');
    }
  }
  const name = effective(data, existing, 'name');
  applyLanguage(data, existing, name, has(data, 'name'));
  applySlug(data, existing, effective(data, existing, 'nameLatin') || name, false);
  return data;
}

/** Refuse a published Article without a title: Strapi's `required` lets an empty string through. */
export function assertTitled(title: unknown): void {
  if (typeof title === 'string' && title.trim() !== '') return;
  refuse('title', 'title-required', 'a published article needs a title.', 'يجب أن يكون للمقال المنشور عنوان.');
}

/** Refuse a published Article whose credits miss a required agency, naming each one. */
export function assertAttribution(
  credits: readonly CreditedSource[],
  config: NewsroomConfig,
  known: readonly AgencyNames[],
): void {
  const missing = missingAgencies(credits, config.requiredAgencies);
  if (missing.length === 0) return;
  const names = missing.map((slug) => describeAgency(slug, known));
  refuse(
    'credits',
    'required-agency-missing',
    `a published article must credit ${names.join(' and ')}; add a credit to ${missing.length > 1 ? 'each' : 'it'} or save as a draft.`,
    `يجب أن يُنسب المقال المنشور إلى ${names.join(' و')}؛ أضف الإسناد أو احفظه كمسودة.`,
  );
}

/** A Source still credited by articles cannot be deleted: their attribution would vanish. */
export function refuseDeletingCreditedSource(creditingArticles: number): void {
  if (creditingArticles === 0) return;
  refuse(
    'source',
    'source-still-credited',
    `is credited by ${creditingArticles} article(s); remove those credits before deleting it.`,
    `هذا المصدر مُسند إليه في ${creditingArticles} مقال؛ أزل الإسناد قبل حذفه.`,
  );
}
