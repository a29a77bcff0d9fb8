// Quotations and who said them: the reporting verb or participle before each quoted span, its
// subject resolved to the person the article names with a title, the context and the venue.
import type { Mention } from './outlets';
import { QUOTE_SPAN } from './quotation-marks';
import type { ParsedQuote } from './types';

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

export interface ParagraphScan {
  text: string;
  mentions: Mention[];
}

interface Attribution {
  speaker: string;
  speakerRole?: string;
  context?: string;
  venue?: string;
}

export function extractQuotes(scans: ParagraphScan[], article: string): ParsedQuote[] {
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
