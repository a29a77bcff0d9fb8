// The dispatch parser: a wire agency's plain-text Arabic dispatch into an Article, its Quotes
// and the Sources it names. Pure: text and a gazetteer in, values out.
import { findArabicDate } from './arabic-dates';
import { makeSlug, normalizeArabic } from './slug';
import type { CreditRole } from './dateline';

export type SourceKind = 'news-agency' | 'publisher' | 'broadcaster' | 'government' | 'other';

/** An outlet the newsroom knows by name: how to write it in Latin letters, what it is. */
export interface KnownOutlet {
  names: string[];
  nameLatin: string;
  kind: SourceKind;
  url?: string;
}

export interface ParsedOutlet {
  /** Normalised name: the key that reuses one Source across dispatches. */
  key: string;
  /** Set for outlets the newsroom knows: the existing Source with this slug is reused first. */
  slug?: string;
  name: string;
  nameLatin?: string;
  kind: SourceKind;
  url?: string;
}

export interface ParsedCredit {
  outlet: string;
  role: CreditRole;
}

export interface ParsedQuote {
  position: number;
  text: string;
  speaker: string;
  speakerRole?: string;
  context?: string;
  venue?: string;
}

export interface ParsedDispatch {
  title: string;
  /** The city of a `City – Agency.` dateline; the Article has no field for it yet. */
  city?: string;
  dispatchDate?: string;
  paragraphs: string[];
  outlets: ParsedOutlet[];
  credits: ParsedCredit[];
  quotes: ParsedQuote[];
}

export interface ParseOptions {
  /** Slug of the newsroom's own Source, credited as distributor when the dateline names none. */
  houseDistributor?: string;
}

export class DispatchError extends Error {}

const QUOTE_SPAN = /"([^"]*)"|«([^»]*)»|“([^”]*)”/g;
// "(Publisher / Agency - 14 يونيو 2021ء)" at the head of the first paragraph.
const PAREN_DATELINE = /^\(\s*([^()]+?)\s*[-–—]\s*([^()]*?[\d\u0660-\u0669\u06F0-\u06F9][^()]*?)\s*\)\s*/u;
// "موسكو – سبوتنيك." and "القاهرة (سبوتنيك) -": a city of one to three words, then the agency.
const CITY_DASH_DATELINE = /^((?:[\p{L}]+\s){0,2}[\p{L}]+)\s+[-–—]\s+([^\s.،,:()\d][^.،,:()\d]{1,40}?)\.\s+/u;
const CITY_PAREN_DATELINE = /^((?:[\p{L}]+\s){0,2}[\p{L}]+)\s*\(\s*([^()\d]{2,60}?)\s*\)\s*[-–—]\s*/u;
// A quoted name after these words is the title of a report, programme or campaign: not a quotation.
const TITLE_BEFORE = /(?:^|\s)(?:و|ب|ل)?(?:بعنوان|عنوان|عنوانه|كتاب|برنامج|شعار|عملية|مبادرة|هاشتاغ|وسم)$/u;

const OUTLET_WORDS: Array<[RegExp, SourceKind]> = [
  [/(?:^|\s)(?:ل|و|ب)?(?:وكالة|وكاله)$/u, 'news-agency'],
  [/(?:^|\s)(?:ل|و|ب)?(?:شبكة|قناة|إذاعة|تلفزيون)$/u, 'broadcaster'],
  [/(?:^|\s)(?:ل|و|ب)?(?:صحيفة|جريدة|مجلة|موقع)$/u, 'publisher'],
];

const VERB_STEMS = [
  'قال',
  'صرح',
  'أضاف',
  'أوضح',
  'أعلن',
  'أكد',
  'أشار',
  'ذكر',
  'تابع',
  'أفاد',
  'شدد',
  'لفت',
  'اعتبر',
  'نقل',
];
const PARTICIPLES = ['مؤكد', 'مضيف', 'موضح', 'مشير', 'قائل', 'معتبر', 'متابع', 'لافت', 'مشدد'];
const FINITE_VERB = new RegExp(`(?<![\\p{L}])(?:و|ف)?(?:${VERB_STEMS.join('|')})(?:ت|ا|تا|وا)?(?![\\p{L}])`, 'gu');
const PARTICIPLE = new RegExp(`(?<![\\p{L}])(?:${PARTICIPLES.join('|')})(?:ا|ة|ين|ون|تين)?(?![\\p{L}])`, 'gu');
// Words that end a subject and start where or to whom it was said.
const CONTEXT_START =
  /^(?:خلال|في|أمام|عبر|على|لل\p{L}+|ل\p{L}+|مع|اليوم|يوم|أمس|مساء|صباح|الليلة|بعد|قبل|أن|إن|أنه|إنه)$/u;
const TITLE_WORDS = [
  'الرئيس',
  'رئيس',
  'رئيسة',
  'وزير',
  'وزيرة',
  'نائب',
  'مدير',
  'مديرة',
  'مساعد',
  'المتحدث',
  'الناطق',
  'المتحدثة',
  'سفير',
  'السفير',
  'الأمين',
  'قائد',
  'زعيم',
  'الملك',
  'الأمير',
  'رئيس الوزراء',
];

// Words that carry a title on ("المتحدث باسم وزارة الخارجية", "رئيس تحرير الصحيفة") before the name.
const ROLE_NOUNS = new Set([
  'باسم',
  'وزارة',
  'وزير',
  'رئيس',
  'مجلس',
  'هيئة',
  'لجنة',
  'مدير',
  'نائب',
  'مساعد',
  'وكيل',
  'تحرير',
  'شؤون',
  'قوات',
  'مكتب',
  'جهاز',
  'حزب',
  'سفير',
  'قائد',
]);

interface Mention {
  start: number;
  end: number;
  /** The outlet named; absent for a quoted title, which is a name but no outlet. */
  outlet?: string;
}

interface ParagraphScan {
  text: string;
  mentions: Mention[];
}

/** Parse a dispatch, or throw a DispatchError saying what an editor should fix. */
export function parseDispatch(
  raw: string,
  gazetteer: readonly KnownOutlet[] = [],
  options: ParseOptions = {},
): ParsedDispatch {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  if (lines.length < 2) {
    throw new DispatchError('A dispatch needs a title line and at least one paragraph.');
  }
  const [title, first, ...rest] = lines;
  const outlets = new OutletRegistry(gazetteer);
  const credits: ParsedCredit[] = [];

  const dateline = readDateline(first);
  const firstParagraph = first.slice(dateline.length).trim();
  // The dateline lists distributors first and the originating agency last.
  const originator = dateline.agencies.pop();
  if (originator) credits.push({ outlet: outlets.add(originator, 'news-agency'), role: 'originator' });
  for (const distributor of dateline.agencies.reverse()) {
    credits.unshift({ outlet: outlets.add(distributor, 'news-agency'), role: 'distributor' });
  }
  if (originator && dateline.agencies.length === 0 && options.houseDistributor) {
    credits.unshift({ outlet: outlets.addBySlug(options.houseDistributor, 'news-agency'), role: 'distributor' });
  }
  const dispatchDate = (dateline.date ? findArabicDate(dateline.date) : undefined) ?? findArabicDate(firstParagraph);
  const paragraphs = [firstParagraph, ...rest].filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) throw new DispatchError('The dispatch has a dateline but no text.');

  const scans = paragraphs.map((text) => ({ text, mentions: findOutletMentions(text, outlets) }));
  const quotes = extractQuotes(scans, outlets, paragraphs.join('\n'));
  return {
    title,
    ...(dateline.city ? { city: dateline.city } : {}),
    dispatchDate,
    paragraphs,
    outlets: outlets.list(),
    credits,
    quotes,
  };
}

interface Dateline {
  /** How many characters of the first paragraph the dateline takes. */
  length: number;
  city?: string;
  agencies: string[];
  date?: string;
}

const splitAgencies = (names: string) =>
  names
    .split('/')
    .map((name) => name.trim())
    .filter(Boolean);

// Either `(Publisher / Agency - D Month YYYYء)` or `City – Agency.` / `City (Agency) -`.
function readDateline(first: string): Dateline {
  const paren = PAREN_DATELINE.exec(first);
  if (paren) return { length: paren[0].length, agencies: splitAgencies(paren[1]), date: paren[2] };
  if (/^\([^)]*$/u.test(first.slice(0, 120)) || (first.startsWith('(') && !first.includes(')'))) {
    throw new DispatchError(
      'The dateline opens "(" but never closes it; write it as "(Publisher / Agency - 14 يونيو 2021ء)" ' +
        'at the head of the first paragraph. — سطر الإسناد يفتح قوسًا ولا يغلقه.',
    );
  }
  const city = CITY_PAREN_DATELINE.exec(first) ?? CITY_DASH_DATELINE.exec(first);
  if (city) return { length: city[0].length, city: city[1].trim(), agencies: splitAgencies(city[2]) };
  return { length: 0, agencies: [] };
}

class OutletRegistry {
  private readonly outlets = new Map<string, ParsedOutlet>();

  constructor(private readonly gazetteer: readonly KnownOutlet[]) {}

  // A known outlet keeps one key and its first listed name whatever alias the dispatch uses.
  add(name: string, kind: SourceKind): string {
    const spelled = outletKey(name);
    const known = this.gazetteer.find((outlet) => outlet.names.some((alias) => outletKey(alias) === spelled));
    return known ? this.addKnown(known) : this.addNew(spelled, { key: spelled, name: name.trim(), kind });
  }

  /** The outlet whose Source has this slug: the gazetteer's entry, else the slug alone. */
  addBySlug(slug: string, kind: SourceKind): string {
    const known = this.gazetteer.find((outlet) => makeSlug(outlet.nameLatin) === slug);
    return known ? this.addKnown(known) : this.addNew(slug, { key: slug, slug, name: slug, kind });
  }

  private addKnown(known: KnownOutlet): string {
    const key = outletKey(known.names[0]);
    return this.addNew(key, {
      key,
      slug: makeSlug(known.nameLatin),
      name: known.names[0],
      nameLatin: known.nameLatin,
      kind: known.kind,
      ...(known.url ? { url: known.url } : {}),
    });
  }

  private addNew(key: string, outlet: ParsedOutlet): string {
    if (!this.outlets.has(key)) this.outlets.set(key, outlet);
    return key;
  }

  /** Known outlets named in running text, without quotation marks: "لوكالة سبوتنيك". */
  knownMentions(text: string): Array<{ start: number; end: number; known: KnownOutlet }> {
    const found: Array<{ start: number; end: number; known: KnownOutlet }> = [];
    for (const known of this.gazetteer) {
      for (const alias of known.names) {
        const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        for (const match of text.matchAll(new RegExp(`(?<![\\p{L}])(?:ل|و|ب)?${escaped}(?![\\p{L}])`, 'gu'))) {
          const start = match.index ?? 0;
          found.push({ start, end: start + match[0].length, known });
        }
      }
    }
    return found;
  }

  list(): ParsedOutlet[] {
    return [...this.outlets.values()];
  }
}

/** Alef, ya and ta-marbuta variants folded, so one outlet is one Source whatever the spelling. */
export function outletKey(name: string): string {
  // Persian and Urdu spellings of a name fold to the Arabic letters: ی and ى to ي, ک to ك.
  return normalizeArabic(name)
    .replace(/[\u0649\u06CC]/g, '\u064A')
    .replace(/\u06A9/g, '\u0643')
    .replace(/\u0629/g, '\u0647')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

// A short quoted name after "شبكة", "وكالة"… is an outlet, after "بعنوان" a title; "بيان X" and
// "وزارة X" name a government body; the gazetteer's outlets are found by name.
function findOutletMentions(text: string, outlets: OutletRegistry): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(QUOTE_SPAN)) {
    const inner = (match[1] ?? match[2] ?? match[3]).trim();
    const before = text.slice(0, match.index).trimEnd();
    const kind = OUTLET_WORDS.find(([word]) => word.test(before))?.[1];
    const start = match.index ?? 0;
    if (kind && inner !== '' && inner.split(' ').length <= 4) {
      mentions.push({ start, end: start + match[0].length, outlet: outlets.add(inner, kind) });
    } else if (TITLE_BEFORE.test(before)) {
      mentions.push({ start, end: start + match[0].length });
    }
  }
  for (const { start, end, known } of outlets.knownMentions(text)) {
    mentions.push({ start, end, outlet: outlets.add(known.names[0], known.kind) });
  }
  for (const match of text.matchAll(/(?<![\p{L}])(?:ل|و|ب)?(?:بيان|وزارة)\s+((?:ال[\p{L}]+\s?){1,3})/gu)) {
    const name = match[1].trim();
    const start = match.index ?? 0;
    mentions.push({ start, end: start + match[0].length, outlet: outlets.add(name, 'government') });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

interface Attribution {
  speaker: string;
  speakerRole?: string;
  context?: string;
  venue?: string;
}

function extractQuotes(scans: ParagraphScan[], outlets: OutletRegistry, article: string): ParsedQuote[] {
  const quotes: ParsedQuote[] = [];
  let previous: Attribution | undefined;
  for (const { text, mentions } of scans) {
    let leadStart = 0;
    for (const match of text.matchAll(QUOTE_SPAN)) {
      const start = match.index ?? 0;
      if (mentions.some((mention) => mention.start === start)) continue;
      const words = (match[1] ?? match[2] ?? match[3]).trim();
      const lead = text.slice(leadStart, start);
      leadStart = start + match[0].length;
      if (words === '') continue;
      const attribution = attribute(lead, previous, article, mentions, leadStart - match[0].length - lead.length);
      if (!attribution) continue;
      previous = attribution;
      quotes.push({ position: quotes.length + 1, text: words, ...attribution });
    }
  }
  void outlets;
  return quotes;
}

function lastMatch(pattern: RegExp, text: string): RegExpMatchArray | undefined {
  let last: RegExpMatchArray | undefined;
  for (const match of text.matchAll(pattern)) last = match;
  return last;
}

// Who said the quotation that follows `lead`, and where; a bare "وأضاف:" keeps the last speaker.
function attribute(
  lead: string,
  previous: Attribution | undefined,
  article: string,
  mentions: Mention[],
  leadOffset: number,
): Attribution | undefined {
  const verb = lastMatch(FINITE_VERB, lead);
  const participle = lastMatch(PARTICIPLE, lead);
  const useParticiple = participle && (!verb || (participle.index ?? 0) > (verb.index ?? 0));
  const chosen = useParticiple ? participle : verb;
  if (!chosen) return previous;
  const verbStart = chosen.index ?? 0;
  const after = lead.slice(verbStart + chosen[0].length);

  let subject: string | undefined;
  let contextText = '';
  const subjectBefore = /(?:^|\s)(?:أن|إن)\s+([^،,:.]{2,60}?)\s*$/u.exec(lead.slice(0, verbStart));
  if (/^\s*(?:أيضا|أيضاً|كذلك)?\s*:/u.test(after) && !subjectBefore) {
    if (!previous) return undefined;
    return previous;
  }
  if (subjectBefore) {
    subject = subjectBefore[1].trim();
    const saidIn = /جاء\s+في\s+([^،,:]+?)\s+(?:أن|إن)\s/u.exec(lead);
    contextText = saidIn ? saidIn[1] : '';
  } else if (useParticiple) {
    const main = lastMatch(FINITE_VERB, lead.slice(0, verbStart));
    if (main) {
      const clause = splitSubject(lead.slice((main.index ?? 0) + main[0].length, verbStart));
      subject = clause.subject;
      contextText = clause.context;
    } else {
      subject = previous?.speaker;
    }
  } else {
    const clause = splitSubject(after);
    subject = clause.subject;
    contextText = clause.context;
  }
  if (!subject) return previous;
  const person = resolvePerson(subject, article);
  const context = cleanContext(contextText);
  const contextStart = context ? leadOffset + lead.indexOf(context) : -1;
  const venue = context
    ? mentions.find(
        (mention) =>
          mention.outlet && mention.start >= contextStart && mention.end <= contextStart + context.length + 1,
      )?.outlet
    : undefined;
  return {
    speaker: person.name,
    ...(person.role ? { speakerRole: person.role } : {}),
    ...(context ? { context } : {}),
    ...(venue ? { venue } : {}),
  };
}

// The subject runs from the verb to the first comma, colon or word that starts a context.
function splitSubject(text: string): { subject?: string; context: string } {
  const clauses = text.split(/[،,:]/u).map((clause) => clause.trim());
  const words = (clauses[0] ?? '').split(/\s+/).filter(Boolean);
  // A name may start with lam (لافروف): right after the verb only "لل…" (للصحفيين) opens a context.
  const cut = words.findIndex(
    (word, index) => CONTEXT_START.test(word) && (index > 0 || !/^ل(?!ل)/u.test(word) || /^(?:ل|لل)$/u.test(word)),
  );
  const subjectWords = cut === -1 ? words : words.slice(0, cut);
  const contextInClause = cut === -1 ? '' : words.slice(cut).join(' ');
  const context =
    contextInClause ||
    clauses.slice(1).find((clause) => clause !== '' && CONTEXT_START.test(clause.split(' ')[0])) ||
    '';
  const subject = subjectWords.join(' ').trim();
  return { subject: subject === '' ? undefined : subject, context };
}

function cleanContext(text: string): string | undefined {
  const cleaned = text.replace(/^[\s،,:.]+|[\s،,:.]+$/gu, '').trim();
  return cleaned === '' ? undefined : cleaned;
}

// "بوتين" → "فلاديمير بوتين", role "الرئيس الروسي", from the article's first "title … name".
function resolvePerson(subject: string, article: string): { name: string; role?: string } {
  if (
    /\sو\p{L}/u.test(subject) &&
    subject.split(' ').length <= 4 &&
    !TITLE_WORDS.some((title) => subject.startsWith(title))
  ) {
    return { name: subject };
  }
  const own = splitRoleAndName(subject);
  if (own.role) return own;
  const surname = subject.split(' ').pop() as string;
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const titles = TITLE_WORDS.map((title) => title.replace(/ /g, '\\s+')).join('|');
  const phrase = new RegExp(
    `(?<![\\p{L}])((?:${titles})(?:\\s+[^\\s،,.:"«“]+)*?)،?\\s+((?:(?!ال)[^\\s،,.:"«“]+\\s+){0,2}${escaped})(?![\\p{L}])`,
    'u',
  );
  const found = phrase.exec(article);
  if (!found) return { name: subject };
  return { name: found[2].trim(), role: found[1].trim() };
}

function splitRoleAndName(subject: string): { name: string; role?: string } {
  const byComma = subject.split('،').map((part) => part.trim());
  if (byComma.length === 2 && TITLE_WORDS.some((title) => byComma[0].startsWith(title))) {
    return { role: byComma[0], name: byComma[1] };
  }
  if (!TITLE_WORDS.some((title) => subject.startsWith(title))) return { name: subject };
  const words = subject.split(' ');
  const firstNameWord = words.findIndex(
    (word, index) => index > 0 && !word.startsWith('ال') && !word.startsWith('لل') && !ROLE_NOUNS.has(word),
  );
  if (firstNameWord <= 0) return { name: subject };
  return { role: words.slice(0, firstNameWord).join(' '), name: words.slice(firstNameWord).join(' ') };
}
