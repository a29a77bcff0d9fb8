// Quotations and who said them: the reporting verb or participle before each quoted span, its
// subject resolved to the person the article names with a title, the context and the venue.
import type { Mention } from './outlets';
import { pairQuotations, type QuotationSpan } from './quotation-marks';
import type { ParsedQuote } from './types';
import { reviewSpeaker } from './speaker-check';
import { FINITE_VERB, isFeminineVerb, isParticiple, isReportingVerb, PARTICIPLE } from './verbs';
import { COURTESY, governsNext, ROLE_NOUNS } from './people';
import {
  apposedName,
  describes,
  fullerName,
  peopleHonoured,
  lastPersonTitled,
  peopleTitled,
  roleGoesOn,
  roleOf,
  splitRoleAndName,
  isTitleWord,
  isGiven,
} from './people';

// What a banner or a wall bears ("كتب عليها"), and the others listed after it ("…" و"…"): no statement.
const INSCRIBED =
  /(?:^|[\s،,])[وف]?(?:كتب|كتبت|كُتب|كُتبت|خط|خطت|خُط|خُطت)\s+(?:عليها|عليه|عليهما|عليهم|فيها|فيه)\s*(?:["«“][^"«»“”\n]{1,120}["»”]\s*(?:و|،|,)\s*)*$/u;

// "طلب عدم ذكر اسمه", "لم يوضح": a negated verb reports nothing.
const NEGATED = /(?:^|\s)(?:و|ف)?(?:عدم|لم|لا|لن|ما|دون|بدون)\s*$/u;
// Particles between a verb and its quotation: "أشار إلى أن"، "قال إن"، "أكد على أن".
const PARTICLES =
  /^(?:\s*(?:إلى|الى|على|ب|بأن|أن|إن|أنه|إنه|أنها|إنها|لـ?|قائلا|قائلاً|فيه|ذلك|أيضا|أيضاً|كذلك))+\s*$/u;
// Who speaks without a name: kept as written.
const ANONYMOUS =
  /^(?:أحد|إحدى|مصدر|مصادر|مصدران|مصدرين|مسؤول|مسؤولون|مسؤولين|مسؤولان|دبلوماسي|دبلوماسيون|شهود|شاهد|ناشطون|سكان|خبير|خبراء|محلل|محللون)(?:\s|$)/u;
// A title standing for the person named before with it ("الوزير"), or an honorific ("سموه").
const HONORIFIC =
  /^(?:سموه|سموها|معاليه|معاليها|فخامته|فخامتها|جلالته|جلالتها|سيادته|سيادتها|دولته|دولتها|سعادته|سعادتها|سماحته|غبطته)$/u;
// "…"، قال فلان / "…"، بحسب فلان: the speaker after the quotation.
const AFTER_QUOTE =
  /^\s*[،,]?\s*(?:و)?(?:قال|قالت|أضاف|أضافت|تابع|تابعت|أوضح|أوضحت|يقول|تقول|بحسب|حسب|وفق|وفقا\s+ل|وفقاً\s+ل|على\s+حد\s+قول|كما\s+قال|كما\s+قالت)(?:\s+ما\s+(?:قاله|قالته|ذكره|ذكرته|صرح\s+به))?\s+([^:.؟!"«“]{2,200})/u;
// Words that end a subject and start where or to whom it was said.
const CONTEXT_START =
  /^(?:خلال|في|أمام|عبر|على|عن|إلى|الى|لل\p{L}+|لـ\S*|ل(?:وكالة|صحيفة|قناة|شبكة|موقع|إذاعة|تلفزيون|مجلة|جريدة)\S*|ل|مع|اليوم|يوم|أمس|مساء|صباح|الليلة|بعد|قبل|أن|إن|أنه|إنه|بأن|ان|انه|بان|طلب|طلبت|فضل|فضّل|رفض|رفضت|الذي|التي|الذين|وهو|وهي|بدوره|بدورها|عقب|إثر|حتى|حين|عندما|لدى)$/u;
/**
 * How much of the article a speaker is looked up in: its lead, where people are introduced, and
 * the text around the quotation. Every dispatch of the corpus (at most 2,000 characters) fits whole,
 * so nothing changes for real dispatches; a long one costs a bounded amount of work per quotation
 * instead of a scan of the whole article each, which made the parse quadratic.
 */
export const SPEAKER_CONTEXT = { lead: 1_000, before: 6_000, after: 2_000 } as const;

/** The part of `article` a speaker at `at` is resolved in, whole paragraphs, with `at` within it. */
export function speakerContext(article: string, at: number): { text: string; at: number } {
  const { lead, before, after } = SPEAKER_CONTEXT;
  if (article.length <= lead + before + after) return { text: article, at };
  let start = Math.max(0, at - before);
  const startBreak = start > 0 ? article.indexOf('\n', start - 1) : -1;
  if (startBreak !== -1 && startBreak < at) start = startBreak + 1;
  let end = Math.min(article.length, at + after);
  const endBreak = end < article.length ? article.lastIndexOf('\n', end) : -1;
  if (endBreak > at) end = endBreak;
  const firstBreak = article.indexOf('\n');
  const leadEnd = Math.min(firstBreak === -1 ? article.length : firstBreak, lead, start);
  // The lead is the first paragraph (up to `lead` characters); it is read only when not in the window.
  const head = start > 0 && leadEnd > 0 ? `${article.slice(0, leadEnd)}\n` : '';
  return { text: head + article.slice(start, end), at: head.length + at - start };
}

export interface ParagraphScan {
  text: string;
  mentions: Mention[];
  /** Where the text starts in the article (the paragraphs joined by "\n"). */
  offset?: number;
  /** The text's paired quotation marks; paired here when not given. */
  quotations?: QuotationSpan[];
}

interface Attribution {
  speaker: string;
  speakerRole?: string;
  context?: string;
  venue?: string;
  /** The speaker was carried over or guessed, not read from this quotation's own sentence. */
  guessed?: boolean;
  /** The gender of the verb that named the speaker ("قالت": true), when one did. */
  feminine?: boolean;
}

const guess = (attribution: Attribution | undefined): Attribution | undefined =>
  attribution ? { ...attribution, guessed: true } : undefined;

// Words after which a short quoted phrase is still a quotation ("قال إن "الوضع مستقر"").
const QUOTE_OPENERS =
  /^(?:و|ف)?(?:أن|إن|بأن|أنه|إنه|بأنه|بأنها|أنها|إنها|ب|قائلا|قائلاً|قائلة|مضيفا|مضيفاً|مضيفة|مؤكدا|مؤكداً|مؤكدة|موضحا|موضحاً|موضحة|مشيرا|مشيراً|مشيرة|معتبرا|معتبراً|معتبرة|وصفه|وصفها|وصفت|وصف|واصفا|واصفاً|عبارة|كلمة)$/u;

// A short quoted name right after a name ("حركة المقاومة الإسلامية "حماس"") names, it says nothing.
function isNameInQuotes(words: string, lead: string): boolean {
  if (words.split(/\s+/).length > 3) return false;
  // The last word is all it reads: a bounded tail, not the lead since the last quotation.
  const before = lead.slice(-200).trimEnd();
  if (!/\p{L}$/u.test(before)) return false;
  const clause = before.split(/[،,.؛:]/u).pop() ?? '';
  const last = before.split(/\s+/).pop() ?? '';
  // "داعية الطرفين إلى "العودة إلى الوساطة"", "محذرا من "…"": a reporting verb or participle governs
  // the preposition before a short quotation in the same clause: it is said, not named.
  const governed =
    /^(?:إلى|الى|من|على|عن|ب)$/u.test(last) &&
    clause
      .trim()
      .split(/\s+/)
      .slice(-4, -1)
      .some((word) => isReportingVerb(word) || isParticiple(word));
  return !governed && !QUOTE_OPENERS.test(last) && !isReportingVerb(last) && !isParticiple(last);
}

/**
 * The article with every outlet a statement was made to ("لبي بي سي", "لرويترز") put out of reach of
 * names: "لـ" and spaces of the same length, so no name runs on into it and offsets hold.
 */
function withoutAddressedOutlets(scans: ParagraphScan[], article: string): string {
  const chars = [...article];
  if (chars.length !== article.length) return article;
  for (const { text, mentions, offset = 0 } of scans) {
    for (const mention of mentions) {
      if (!mention.known || text[mention.start] !== 'ل') continue;
      // "لـ" and spaces: whom it was said to, where every reader of names stops (no comma, which
      // would read as an apposition).
      for (let index = mention.start + 1; index < mention.end; index += 1)
        chars[offset + index] = index === mention.start + 1 ? 'ـ' : ' ';
    }
  }
  return chars.join('');
}

// Nouns that open the name of a thing, not a sentence: «الخطة الرئيسية للصناعة الحلال 2030».
const NAMED_THING =
  /^(?:ال)?(?:مبادرة|قمة|خطة|استراتيجية|إستراتيجية|برنامج|مؤتمر|منتدى|مشروع|جائزة|مهرجان|معرض|حملة|عملية|رؤية|اتفاقية|قانون|مسابقة|بطولة|كأس|وثيقة|إعلان|ميثاق|صندوق|منصة|شبكة)$/u;
// A finite verb's shape: "تمكنت", "نريد", "سيتم".
const FINITE_SHAPE = /^(?:و|ف)?(?:س?[يتن]\p{L}{2,5}|\p{L}{2,4}(?:ت|نا|وا))$/u;

/** A short quoted span that names a plan or an event: its first word names a thing, no verb follows. */
function isNamedThing(words: string): boolean {
  const parts = words.split(/\s+/);
  return parts.length <= 8 && NAMED_THING.test(parts[0]) && !parts.slice(1).some((word) => FINITE_SHAPE.test(word));
}

export function extractQuotes(scans: ParagraphScan[], wholeArticle: string): ParsedQuote[] {
  const article = withoutAddressedOutlets(scans, wholeArticle);
  const quotes: ParsedQuote[] = [];
  let previous: Attribution | undefined;
  let previousEnd = 0;
  const spokeBefore: Attribution[] = [];
  for (const { text, mentions, offset = 0, quotations = pairQuotations(text).spans } of scans) {
    const mentioned = new Set(mentions.map((mention) => mention.start));
    // "قال جورج خوري لفرانس برس": the outlets this paragraph names, as a word may carry them after ل.
    const outletWords = new Set(
      mentions
        .filter((mention) => mention.known)
        .flatMap((mention) => {
          const first = text.slice(mention.start, mention.end).split(/\s+/)[0];
          return [first, first.replace(/^[لوب]/u, '')];
        }),
    );
    let leadStart = 0;
    for (const quotation of quotations) {
      const { start } = quotation;
      if (mentioned.has(start)) continue;
      const words = quotation.text.replace(/\s+/g, ' ').trim();
      // Marks paired across two quotations: what they hold is the text between them, no quotation.
      if (/^[،,.؛:]/u.test(words)) continue;
      const lead = text.slice(leadStart, start);
      // A quoted name ("روسكوسموس") is part of the lead of the quotation after it.
      // …and so is the name of a plan, a summit or a strategy («مبادرة الملك سلمان للطاقة المتجددة»).
      if (words !== '' && (isNameInQuotes(words, lead) || isNamedThing(words))) continue;
      // "لافتات كتب عليها "لن نرحل" و"…"": an inscription, and the ones listed after it.
      if (INSCRIBED.test(text.slice(Math.max(0, start - 200), start))) continue;
      leadStart = quotation.end;
      if (words === '') continue;
      const trailing = text.slice(leadStart);
      const attribution = attribute(lead, trailing, previous, article, mentions, start - lead.length, offset + start, {
        outletWords,
        previousEnd,
        spokeBefore,
      });
      if (!attribution) continue;
      const { guessed, feminine, ...said } = attribution;
      // Checked in the bounded part of the article around the quotation: the parse stays linear.
      const review = reviewSpeaker(said.speaker, speakerContext(article, offset + start).text, Boolean(guessed));
      // A continuation of a speaker an editor must confirm needs the same confirmation.
      // The speaker's gender, once a verb has told it, holds while the same person speaks on.
      const gender = feminine ?? (previous?.speaker === review.speaker ? previous.feminine : undefined);
      previous = {
        ...said,
        speaker: review.speaker,
        ...(gender !== undefined ? { feminine: gender } : {}),
        ...(review.needsReview ? { guessed: true } : {}),
      };
      previousEnd = offset + quotation.end;
      if (!previous.guessed && previous.feminine !== undefined) spokeBefore.push(previous);
      quotes.push({
        position: quotes.length + 1,
        text: words,
        ...said,
        speaker: review.speaker,
        needsReview: review.needsReview,
      });
    }
  }
  return quotes;
}

function lastMatch(pattern: RegExp, text: string): RegExpMatchArray | undefined {
  let last: RegExpMatchArray | undefined;
  for (const match of text.matchAll(pattern)) {
    // A negated verb ("طلب عدم ذكر اسمه") reports nothing.
    const at = match.index ?? 0;
    if (NEGATED.test(text.slice(Math.max(0, at - 40), at))) continue;
    // "نقلا عن وكالة …": citing, not saying; the main verb's subject speaks.
    if (/^[وف]?نقلا?ً?$/u.test(match[0]) && /^\s*عن(?![\p{L}])/u.test(text.slice(at + match[0].length))) continue;
    // "لافتات كتب عليها "…"": what is written on a banner or a wall is an inscription, not a statement.
    if (
      /^[وف]?(?:كتب|كتبت|كُتب|كُتبت|خط|خطت|خُط|خُطت)$/u.test(match[0]) &&
      /^\s*(?:عليها|عليه|عليهما|عليهم|فيها|فيه)(?![\p{L}])/u.test(text.slice(at + match[0].length))
    )
      continue;
    // "طالبا عدم نشر اسمه", "طلب عدم ذكر اسمه": asking not to be named reports nothing.
    if (/^\s*(?:ب)?عدم(?![\p{L}])/u.test(text.slice(at + match[0].length))) continue;
    last = match;
  }
  return last;
}

// The last sentence of a lead: a verb in an earlier sentence said something else.
// An ellipsis ("الأردن... أرض الحكايات") is no sentence's end.
const lastSentence = (lead: string) => {
  // "د. عثمان": a letter and a dot abbreviate a title, they end no sentence.
  const ends = [...lead.matchAll(/(?<![.…])(?<!(?:^|\s)\p{L})[.؟!](?=\s)/gu)];
  const last = ends.pop();
  return lead.slice(last ? (last.index ?? 0) + 1 : 0);
};

// "قالت", "أضافت", "لفتت" (not "لفت"): the feminine ending of a reporting verb.

// Whether the word that named the speaker is feminine: "قالت", "مضيفة"; a plural tells nothing.
const genderOf = (word: string, participle: boolean): boolean | undefined => {
  if (!participle) return isFeminineVerb(word);
  if (/(?:ين|ون|تين)$/u.test(word)) return undefined;
  return /ة$/u.test(word);
};

// "وجاء في بيان الوزارة:", "جاء في تصريح صادر عن …": a statement, and whose it is.
const STATEMENT =
  /(?:^|\s)(?:و|ف)?جاء\s+في\s+(?:بيان|تصريح|رسالة|تقرير|كلمة|منشور|تغريدة)\s+(?:(?:نشرته|أصدرته|وزعته|صادر\s+عن|لـ?)\s*)?([^:،,."«“]{2,80}?)\s*:?\s*(?:أن|إن)?\s*$/u;

// Who said the quotation between `lead` and `trailing`, and where; a bare "وأضاف:" keeps the last speaker.
interface Around {
  /** Who spoke before, in order, with the gender their verbs told. */
  spokeBefore: readonly Attribution[];
  /** The first word of each outlet the paragraph names ("فرانس", "رويترز"). */
  outletWords: ReadonlySet<string>;
  /** Where the last quotation ended in the article. */
  previousEnd: number;
}

function attribute(
  fullLead: string,
  trailing: string,
  previous: Attribution | undefined,
  article: string,
  mentions: Mention[],
  leadOffset: number,
  at: number,
  { outletWords, previousEnd, spokeBefore }: Around,
): Attribution | undefined {
  const splitSubject = (text: string) => splitSubjectOf(text, outletWords);
  const lead = lastSentence(fullLead);
  const verb = lastMatch(FINITE_VERB, lead);
  const participle = lastMatch(PARTICIPLE, lead) ?? lastMatch(BIL_QAWL, lead);
  const useParticiple = participle && (!verb || (participle.index ?? 0) > (verb.index ?? 0));
  const chosen = useParticiple ? participle : verb;
  // "وجاء في بيان المؤسسة:", "وجاء في بيان نشرته وزارة الخارجية على موقعها:": the body whose statement it is.
  const statement = chosen ? null : STATEMENT.exec(lead);
  if (statement) {
    const body = statement[1].replace(/\s+(?:على|عبر|في)\s.*$/u, '').trim();
    // "بيان نشرته وزارة الخارجية الروسية": an institution speaks, never a person named after it.
    if (ORGANISATION.test(body.split(/\s+/)[0])) return { speaker: body };
    if (body !== '') return speakerOf(body, previous, article, at);
  }
  if (!chosen) {
    const after = AFTER_QUOTE.exec(trailing);
    if (after) {
      let subject = splitSubject(after[1]).subject;
      // "…"، قالت مديرة الهيئة، جوليا راميريز: a title, then the name in apposition.
      const rest = trailing.slice((after.index ?? 0) + after[0].length);
      const apposition = /^\s*[،,]\s*([^،,:.؟!"«“]{2,40})/u.exec(rest);
      const participle = apposition && isParticiple(apposition[1].trim().split(/\s+/)[0]);
      if (subject && apposition && !participle && subject.split(/\s+/).every(describes))
        subject = `${subject} ${apposition[1].trim()}`;
      if (subject) return speakerOf(subject, previous, article, at);
    }
    // No reporting verb before or after the quotation: the last speaker is only a guess.
    return guess(previous);
  }
  const verbStart = chosen.index ?? 0;
  const after = lead.slice(verbStart + chosen[0].length);

  let subject: string | undefined;
  let openingFeminine: boolean | undefined;
  let contextText = '';
  const subjectBefore = /(?:^|\s)(?:أن|إن)\s+([^،,:.]{2,60}?)\s*$/u.exec(lead.slice(0, verbStart));
  const bare = after.replace(/:\s*$/u, '');
  const noSubject =
    !useParticiple && (/^\s*(?:أيضا|أيضاً|كذلك)?\s*:/u.test(after) || bare.trim() === '' || PARTICLES.test(bare));
  if (noSubject && !subjectBefore) {
    // "أما الراعية الديمقراطية للمشروع، السناتورة … إليزابيث غرانت، فقالت إن": the topic of أما speaks.
    const topic = /^ف/u.test(chosen[0])
      ? /(?:^|\s)أما\s+([^.؟!]{2,200}?)[،,]?\s*$/u.exec(lead.slice(0, verbStart))
      : null;
    // "أما سامية، وهي معلمة…": what she is, set off by commas, is no part of the name.
    if (topic) return speakerOf(topic[1].split(/[،,]\s*(?:وهي|وهو|الذي|التي)\s/u)[0].trim(), previous, article, at);
    // "تحدث قائد العمليات اللواء ماجد الساعدي، الذي قال إن": the one the relative pronoun stands for.
    const relative = /[،,]\s*(?:الذي|التي)\s*$/u.exec(lead.slice(0, verbStart));
    if (relative) {
      const words = (lead.slice(0, relative.index).split(/[،,]/u).pop() ?? '').trim().split(/\s+/).filter(Boolean);
      const verbFirst =
        words.length >= 3 &&
        (/^[وف]\p{L}{2,4}$/u.test(words[0]) || /^\p{L}{3,4}$/u.test(words[0])) &&
        !describes(words[0]) &&
        !isGiven(words[0]);
      const clause = splitSubject((verbFirst ? words.slice(1) : words).join(' '));
      if (clause.subject) return speakerOf(clause.subject, previous, article, at);
    }
    // "أوضحت المديرة رهف السمان أن …، وقالت: "…"": the subject of an earlier verb in the sentence.
    const earlier = [...lead.slice(0, verbStart).matchAll(FINITE_VERB)];
    for (let index = earlier.length - 1; index >= 0; index -= 1) {
      const from = (earlier[index].index ?? 0) + earlier[index][0].length;
      const to = index + 1 < earlier.length ? (earlier[index + 1].index ?? verbStart) : verbStart;
      const said = lead.slice(from, to);
      const verbAt = earlier[index].index ?? 0;
      if (NEGATED.test(lead.slice(Math.max(0, verbAt - 40), verbAt)) || PARTICLES.test(said.replace(/:\s*$/u, '')))
        continue;
      const clause = splitSubject(said);
      if (clause.subject) return speakerOf(clause.subject, previous, article, at);
    }
    // "وتجولت سعاد، وهي ربة منزل، بين المحال…، وقالت: «…»": verbs joined by و share the subject of the
    // sentence's first verb.
    const shared = sentenceSubject(lead.slice(0, verbStart));
    if (shared) {
      const clause = splitSubject(shared);
      const person = clause.subject ? speakerOf(clause.subject, previous, article, at) : undefined;
      if (
        person &&
        person.speaker.split(/\s+/).some((word) => isGiven(word) || COURTESY.test(word) || isTitleWord(word))
      )
        return person;
    }
    // "تقف فاطمة المسماري أمام البحر، وتقول «…»": nobody spoke before; the sentence's subject speaks.
    if (!previous) {
      const opening = openingClause(lead.slice(0, verbStart));
      const clause = opening ? splitSubject(opening) : undefined;
      if (clause?.subject) return { ...speakerOf(clause.subject, previous, article, at), guessed: true };
      // "أعلنت وزارة الصحة …" then, a paragraph later, "وأضافت: "…"": whoever the article last had
      // say something, unquoted, is the likeliest; only a guess.
      const earlierText = article.slice(Math.max(0, at - lead.length - 1_500), Math.max(0, at - lead.length));
      const said = lastMatch(FINITE_VERB, earlierText);
      if (!said) return undefined;
      const sentence = earlierText.slice((said.index ?? 0) + said[0].length).split(/[.؟!\n]/u)[0];
      const subject = splitSubject(sentence).subject;
      return subject ? { ...speakerOf(subject, previous, article, at), guessed: true } : undefined;
    }
    // "…" وعاد العتيبي ليشير إلى …، وتابع: "…": someone else named since the last quotation makes the
    // last speaker only a guess.
    if (previous && someoneElseNamed(article.slice(previousEnd, at), previous.speaker)) {
      // "يجلس حسن (63 عاما)، وهو مزارع… . ويقول "…"": the person the sentence before introduced.
      const between = article.slice(previousEnd, at - lead.length).trim();
      const sentences = between.split(/(?<!(?:^|\s)\p{L})[.؟!](?:\s|$)/u).filter((part) => part.trim() !== '');
      const introducedSubject = sentenceSubject((sentences.pop() ?? '').replace(/^[^\p{L}]+/u, ''));
      const clause = introducedSubject ? splitSubject(introducedSubject.replace(/\s*\([^)]*\)/gu, '')) : undefined;
      const person = clause?.subject ? speakerOf(clause.subject, previous, article, at) : undefined;
      if (person && person.speaker !== previous.speaker && person.speaker.split(/\s+/).some(isGiven))
        return { ...person, guessed: true };
    }
    // "وأضافت:" after a man's words, "وأضاف:" after a woman's: someone else speaks, unnamed.
    if (previous?.feminine !== undefined && previous.feminine !== isFeminineVerb(chosen[0])) {
      // "وأشارت إلى أن" after a man's words: the last woman who spoke, if one did; a guess either way.
      const same = [...spokeBefore].reverse().find((said) => said.feminine === isFeminineVerb(chosen[0]));
      return { ...(same ?? previous), guessed: true };
    }
    if (previous && someoneElseNamed(article.slice(previousEnd, at), previous.speaker))
      return { ...previous, guessed: true };
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
      // "وردت النائب … بالقول": the main verb tells the gender the participle does not.
      openingFeminine = isFeminineVerb(main[0]);
    } else {
      // "ورد الوزير قائلا", "وختم الوزير مؤكدا", "تفقد الوزير فلان المشروع، مضيفا": a verb the list
      // does not know (after و, or opening the sentence), then its subject: the participle's too.
      const opening = openingClause(lead.slice(0, verbStart));
      if (!opening) return previous;
      subject = splitSubject(opening).subject;
      // "وردت النائب": the opening verb's feminine ending tells who, among people of one title.
      const openingVerb = lastSentence(lead.slice(0, verbStart)).split(/[،,]/u).pop()?.trim().split(/\s+/)[0] ?? '';
      if (/^[وف]\p{L}{2,3}ت$/u.test(openingVerb)) openingFeminine = true;
    }
  } else {
    // "ونقلت وكالة الأنباء عن الوزير قوله إن "…"": the outlet relays; the one it quotes speaks.
    const relayed = /^[وف]?نقل/u.test(chosen[0])
      ? /(?:^|\s)عن\s+([^،,:.]+?)\s+(?:قوله|قولها|قولهم|تأكيده|تأكيدها|تشديده|تشديدها|إشارته|إشارتها|دعوته|دعوتها|أن|إن|أنه|إنه|بأن)(?=\s|$)/u.exec(
          after,
        )
      : null;
    // "قالت منظمة "برو أزول" المعنية…": the body's own name, in quotation marks, speaks.
    const namedBody = /^\s*(\p{L}+)\s+["«“]([^"«»“”]{2,60})["»”]/u.exec(after);
    if (!relayed && namedBody && ORGANISATION.test(namedBody[1].replace(/^ال/u, '')))
      return { speaker: namedBody[2].trim() };
    const clause = relayed ? { subject: relayed[1].trim(), context: '' } : splitSubject(after);
    subject = clause.subject;
    contextText = clause.context;
    // "لكن المتحدثة باسم الهيئة ليندا كارتر قالت لصحيفة…": the subject before a verb with no و.
    if (!subject && !/^[وف]/u.test(chosen[0])) {
      const before = lead
        .slice(0, verbStart)
        .split(/[،,.]|(?:^|\s)(?:لكن|بينما|فيما|غير أن|إلا أن)(?=\s)/u)
        .pop()
        ?.trim();
      const count = before ? before.split(/\s+/).length : 0;
      if (before && count >= 2 && count <= 10) subject = before;
      // "لكن رئيس الغرفة الوطنية، الهادي بن صالح، قال": a role, then the name between two commas.
      const apposition =
        /(?:^|[.]|(?:^|\s)(?:لكن|بينما|فيما|غير أن|إلا أن)\s)\s*([^،,.]{3,80})[،,]\s*([^،,.]{3,40})[،,]\s*$/u.exec(
          lead.slice(0, verbStart),
        );
      const appositionRole = apposition?.[1].trim().replace(/^(?:لكن|بينما|فيما|غير أن|إلا أن|و)\s+/u, '');
      if (
        !subject &&
        apposition &&
        appositionRole &&
        isTitle(appositionRole.split(/\s+/)[0]) &&
        apposedName(apposition[2].trim())
      )
        subject = `${appositionRole}، ${apposition[2].trim()}`;
    }
  }
  if (!subject) return guess(previous);
  let person = speakerOf(subject, previous, article, at);
  // The main verb's gender, when a participle (or بالقول, which has none) follows it.
  const gender = openingFeminine ?? genderOf(chosen[0], Boolean(useParticiple));
  // "قالت النائب ريم العبادي …، وقال النائب عمر الزيود …، وردت النائب": a title two people bear is
  // the last of them whose gender the verb has; still a guess for an editor to confirm.
  const title = subject.split(/\s+/);
  if (person.guessed && gender !== undefined && title.length <= 3 && title.every(describes)) {
    const bearer = [...spokeBefore]
      .reverse()
      .find((said) => said.feminine === gender && article.includes(`${subject} ${said.speaker}`));
    if (bearer) person = { speaker: bearer.speaker, guessed: true };
  }
  const context = cleanContext(contextText);
  const contextStart = context ? leadOffset + (fullLead.length - lead.length) + lead.indexOf(context) : -1;
  const venue = context
    ? mentions.find(
        (mention) =>
          mention.outlet && mention.start >= contextStart && mention.end <= contextStart + context.length + 1,
      )?.outlet
    : undefined;
  return {
    speaker: person.speaker,
    ...(person.guessed ? { guessed: true } : {}),
    ...(gender !== undefined ? { feminine: gender } : {}),
    ...(person.speakerRole ? { speakerRole: person.speakerRole } : {}),
    ...(context ? { context } : {}),
    ...(venue ? { venue } : {}),
  };
}

/**
 * What follows the verb that opens a sentence's clause, when the list of reporting verbs does not
 * know it ("وختم الوزير", "تفقد الوزير فلان المشروع"): a verb after و, or the sentence's first word.
 */
function openingClause(text: string): string | undefined {
  const clauses = text.split(/[،,]/u).map((clause) => clause.trim().split(/\s+/).filter(Boolean));
  const opens = (clause: string[], index: number) =>
    clause.length >= 2 &&
    (/^[وف]\p{L}{2,6}$/u.test(clause[0]) ||
      (index === 0 && /^\p{L}{3,4}$/u.test(clause[0]) && !describes(clause[0]) && !isGiven(clause[0])));
  for (let index = clauses.length - 1; index >= 0; index -= 1)
    if (opens(clauses[index], index)) return clauses[index].slice(1).join(' ');
  return undefined;
}

// "واختتمت زاخاروفا إحاطتها بالقول:", "وختم تصريحه بالقول:": said in closing, as a participle does.
const BIL_QAWL = /(?<![\p{L}])(?:بالقول|بالتأكيد\s+على|بالتشديد\s+على|بالإشارة\s+إلى)(?![\p{L}])/gu;

// Words that open a clause without being its verb.
const NOT_A_VERB =
  /^(?:في|على|من|إلى|الى|عن|مع|بين|أمام|خلف|عند|لدى|منذ|بعد|قبل|حول|خلال|رغم|وسط|داخل|خارج|حيث|إذ|إذا|لكن|لكنه|لكنها|بينما|فيما|كما|ثم|هو|هي|وهو|وهي|هذا|هذه|ذلك|تلك|أن|إن|قد|لقد|ما|لا|لم|لن)$/u;

/** What follows the first verb of a sentence ("وتجولت سعاد" → "سعاد"), when a clause opens with one. */
function sentenceSubject(text: string): string | undefined {
  // "في الغرفة المجاورة، يجلس حسن": an adverbial clause before the verb is passed over.
  for (const clause of text.split(/[،,]/u)) {
    const first = clause.trim().split(/\s+/).filter(Boolean);
    if (first.length === 0) continue;
    const verb = first[0].replace(/^[وف]/u, '');
    if (NOT_A_VERB.test(verb) || NOT_A_VERB.test(first[0])) continue;
    const verbLike =
      first.length >= 2 &&
      /^\p{L}{3,6}$/u.test(verb) &&
      !verb.startsWith('ال') &&
      !describes(first[0]) &&
      !isGiven(verb) &&
      !isReportingVerb(first[0]);
    return verbLike ? first.slice(1).join(' ') : undefined;
  }
  return undefined;
}

/** Whether `text` names a person other than `speaker`: a given name or a courtesy title not his. */
function someoneElseNamed(text: string, speaker: string): boolean {
  const own = new Set(speaker.split(/\s+/));
  const words = text.split(/[\s،,.:؛"«“»”()]+/u).filter(Boolean);
  return words.some(
    (word, index) =>
      !own.has(word) &&
      ((isGiven(word) && !word.startsWith('ال')) || (COURTESY.test(word) && !own.has(words[index + 1] ?? ''))),
  );
}

const anonymousPhrase = (subject: string) => {
  const all = subject
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[،,]+$/u, ''));
  const words: string[] = [];
  for (const word of all) {
    // "أحد المصادر", "إحدى الزائرات": "one of" takes the noun after it.
    if (words.length === 1 && /^(?:أحد|إحدى)$/u.test(words[0])) {
      words.push(word);
      continue;
    }
    if (/^(?:وهو|وهي|الذي|التي|وقد)$/u.test(word)) break;
    // "مصدر مقرب من النادي": close to what, said with it.
    if (word === 'من' && /^(?:مقرب|مقربة|قريب|قريبة)$/u.test(words[words.length - 1] ?? '')) {
      words.push(word);
      continue;
    }
    if (words[words.length - 1] === 'من') {
      words.push(word);
      break;
    }
    if (
      words.length > 0 &&
      (word.startsWith('ال') ||
        // "لفرانس برس" says to whom; "لبناني" is a nisba that qualifies the source.
        (word.startsWith('ل') && !/^\p{L}{3,}(?:ي|ية|يون|يين)$/u.test(word)) ||
        words.length === 3 ||
        /^(?:ذلك|هذا|هذه|ذاك|في|عن|أن|إن|قوله|قولها|قولهم|وكالة|لوكالة|للوكالة|لصحيفة|للصحيفة)$/u.test(word))
    )
      break;
    words.push(word);
  }
  // "مصدر في الشركة العامة لموانئ العراق", "مصدر بوزارة التجارة وتنمية الصادرات": the body the
  // source speaks from is part of the phrase, up to where the sentence goes on.
  const organisation = (word: string) => ORGANISATION.test(word.replace(/^(?:ب|في|ال|بال)/u, ''));
  let at = words.length;
  const within = words.some((word, index) => index > 0 && /^ب/u.test(word) && organisation(word));
  if (!within && all[at] === 'في' && organisation(all[at + 1] ?? '')) {
    words.push(all[at], all[at + 1]);
    at += 2;
  } else if (!within) return words.join(' ');
  for (let count = 0; at < all.length && count < 5; at += 1, count += 1) {
    const word = all[at];
    // "مديرية كهرباء البصرة": an indefinite institution is in construct; the word after it is its own.
    const construct = organisation(words[words.length - 1]) && !/^(?:ب|في)?ال/u.test(words[words.length - 1]);
    const goesOn =
      construct ||
      /^(?:ال|لل|بال|وال)\p{L}{2,}/u.test(word) ||
      /^(?:ل|و)\p{L}{3,}$/u.test(word) ||
      organisation(word) ||
      ROLE_NOUNS.has(word);
    if (!goesOn || isReportingVerb(word) || /^(?:لدى|لوكالة|لصحيفة|لقناة|لشبكة|لموقع)/u.test(word)) break;
    words.push(word);
  }
  return words.join(' ');
};

const keep = (attribution: Attribution): Attribution => ({
  speaker: attribution.speaker,
  ...(attribution.guessed ? { guessed: true } : {}),
  ...(attribution.speakerRole ? { speakerRole: attribution.speakerRole } : {}),
});

// "الوزير", "المتحدثة", "المصدر": a title or an anonymous source's noun, not a definite surname ("الجبوري").
const isTitle = (word: string) => isTitleWord(word) || ANONYMOUS.test(word.replace(/^ال/u, ''));

/** The speaker a subject names: an anonymous source as written, a title or honorific resolved. */
function speakerOf(subject: string, previous: Attribution | undefined, whole: string, wholeAt: number): Attribution {
  const { text: article, at } = speakerContext(whole, wholeAt);
  // "شاهد العيان حسن دمير": a witness or a source the article then names is that person.
  const givenAt = ANONYMOUS.test(subject)
    ? subject.split(/\s+/).findIndex((word, index) => index > 0 && index < 5 && isGiven(word))
    : -1;
  if (ANONYMOUS.test(subject) && givenAt === -1) return { speaker: anonymousPhrase(subject) };
  if (givenAt > 0) {
    const parts = subject.split(/\s+/);
    const person = splitRoleAndName(parts.slice(givenAt).join(' '));
    return { speaker: fullerName(person.name, article), speakerRole: parts.slice(0, givenAt).join(' ') };
  }
  const words = subject.split(/\s+/);
  // "وقال معالي السيد وزير الخارجية": the courtesies before a title are the title's.
  let courtesies = 0;
  while (courtesies < words.length - 1 && COURTESY.test(words[courtesies])) courtesies += 1;
  if (courtesies > 0 && isTitle(words[courtesies]))
    return speakerOf(words.slice(courtesies).join(' '), previous, whole, wholeAt);
  // "أوضح العميد الخفاجي"، "واختتم الربيعي المؤتمر بالتأكيد", "واستهل العقيد القحطاني المؤتمر
  // بالحديث": a surname the article gave in full (after a courtesy or rank, if any), then nothing,
  // or the verb's object.
  const surname = words[courtesies];
  const after = words[courtesies + 1];
  if (
    /^\p{L}{3,}$/u.test(surname) &&
    (courtesies > 0 || surname.startsWith('ال')) &&
    (after === undefined || /^(?:ال|ب)\p{L}{2}/u.test(after)) &&
    !isTitle(surname) &&
    !ORGANISATION.test(surname.replace(/^ال/u, ''))
  ) {
    const full = fullerName(surname, article);
    // "السيد العلوي الإدريسي": two family names the article gave together are one name.
    const together = after ? `${surname} ${after}` : '';
    const twoNames = after !== undefined && fullerName(together, article) !== together;
    if (full.endsWith(` ${surname}`) && full.split(' ').some(isGiven) && !twoNames) return { speaker: full };
  }
  // "وقال المصدر ذاته", "المسؤول نفسه": the one who spoke last, named as before.
  if (previous && words.length <= 3 && /^(?:ذاته|ذاتها|نفسه|نفسها)$/u.test(words[words.length - 1]))
    return keep(previous);
  // "أعلنت وزارة الصحة الاتحادية تسجيل 47 إصابة": an institution speaks; what follows is what it said.
  const definiteBody = words[0].startsWith('ال') && ORGANISATION.test(words[0].slice(2));
  if ((ORGANISATION.test(words[0]) && words.length > 2) || (definiteBody && words.length > 3)) {
    // "الشركة الوطنية لاستغلال وتوزيع المياه": complements with ال, لل, ل and و.
    const complement = (word: string) => /^(?:ال|لل|وال|ل\p{L}{3}|و\p{L}{3})/u.test(word) && !isGiven(word);
    // "شركة زاغروس للطاقة": the institution's own name may stand between the noun and its complements.
    let end = !complement(words[1]) && complement(words[2] ?? '') && !isGiven(words[1]) ? 2 : 1;
    while (end < words.length && complement(words[end])) end += 1;
    if (end >= 2 && end < words.length && !isGiven(words[end])) return { speaker: words.slice(0, end).join(' ') };
  }
  if (HONORIFIC.test(words[0])) {
    // The honorific's pronoun tells the person's gender: "سعادتها" a woman, "سعادته" a man.
    const honoured = peopleHonoured(article.slice(0, at), /ها$/u.test(words[0]), words[0]).map((name) =>
      fullerName(name, article),
    );
    // Two people of that gender honoured before: the last is only the likeliest.
    const last = honoured[honoured.length - 1];
    if (last) return { speaker: last, ...(new Set(honoured).size > 1 ? { guessed: true } : {}) };
    return previous ? keep(previous) : { speaker: subject };
  }
  // "الوزارة", "المؤسسة" (not the founder, مؤسس): an institution, as the article names it in full.
  if (words.length <= 3 && words[0].startsWith('ال') && ORGANISATION.test(words[0].slice(2)) && words.every(describes))
    return { speaker: fullerInstitution(subject, article.slice(0, at)) };
  const titleOnly = words.length <= 5 && words.every(describes) && isTitle(words[0]);
  // "متحدث باسم الحكومة البولندية": an indefinite spokesperson is someone unnamed, kept as written.
  if (titleOnly && /^(?:متحدث|متحدثة|ناطق|ناطقة)$/u.test(words[0])) return { speaker: subject };
  if (titleOnly) {
    const stem = words[0].replace(/^ال/u, '').replace(/ة$/u, '');
    if (ANONYMOUS.test(stem)) {
      if (previous?.speaker.startsWith(stem)) return keep(previous);
      const official = lastPersonTitled(stem, article.slice(0, at));
      if (official) return { speaker: fullerName(official.name, article), speakerRole: official.role };
      // "وتابع المسؤول الإسباني" after "ونظيره الإسباني، السيد خافيير مونتيرو": the one person the
      // nisba was given to.
      const qualified = words[0].startsWith('ال')
        ? personQualified(words.slice(1), article.slice(0, at), article)
        : undefined;
      if (qualified) return { speaker: qualified };
      // "مصدر دبلوماسي مطلع", "مصدر أمني في محافظة كركوك": the phrase as introduced, up to where
      // anonymousPhrase ends it.
      // The words after it are looked at, not taken: a later mention is still found.
      const source = new RegExp(`(?<![\\p{L}])(?:و)?${stem}ة?(?=((?:\\s+[^\\s،,.:"«“]+){1,8}))`, 'gu');
      const sources = [...article.slice(0, at).matchAll(source)];
      const last = sources.pop();
      if (!last) return { speaker: subject };
      // Only a source qualified by a nisba ("مصدر أمني") goes on past its first qualifier.
      const [first, ...more] = last[1].trim().split(/\s+/u);
      const phrase = /\p{L}{2}(?:ي|ية)$/u.test(first) ? [first, ...more] : [first];
      return { speaker: anonymousPhrase(`${last[0]} ${phrase.join(' ')}`.replace(/^و/u, '')) };
    }
    const named = personTitled(stem, words, article.slice(0, at), article);
    if (named) return { speaker: named.name, speakerRole: named.role, ...(named.sure ? {} : { guessed: true }) };
    // A title that names nobody in the article: the last speaker, or the title, is only a guess.
    if (previous) return { ...keep(previous), guessed: true };
    return { speaker: subject, guessed: true };
  }
  if (/\sو\p{L}/u.test(subject) && words.length <= 4 && !words.some(describes)) return { speaker: subject };
  const person = splitRoleAndName(subject);
  // Only a subject that names nobody the article knows: "الخطيب", "السقا" are definite surnames.
  const unnamed = () => reviewSpeaker(fullerName(subject, article), article, false).needsReview;
  if (person.name === subject && words[0].startsWith('ال') && !words.some(isGiven) && unnamed()) {
    // "وأضافت الوزارة", "قالت الهيئة السعودية": an institution, as the article names it in full.
    const institution = ORGANISATION.test(words[0].replace(/^ال/u, ''));
    if (institution) return { speaker: fullerInstitution(subject, article.slice(0, at)) };
    // "وأضافت الدبلوماسية الروسية", "قالت المسؤولة الأممية": an epithet for someone named before;
    // the last speaker is the likeliest, and only a guess.
    if (previous && !ANONYMOUS.test(previous.speaker)) return { ...keep(previous), guessed: true };
  }
  const name = fullerName(person.name, article);
  const role = person.role ?? roleOf(name, article);
  // "الباحثة في معهد عصام فارس": a name an institution noun governs may be the institution's.
  const governed = governsNext(person.role?.split(/\s+/).pop() ?? '');
  return { speaker: name, ...(role ? { speakerRole: role } : {}), ...(governed ? { guessed: true } : {}) };
}

// Nouns that name an institution, not a person: "الوزارة" speaks for "وزارة الخارجية الروسية".
const ORGANISATION =
  /^(?:مستشفى|مندوبية|محافظة|مدينة|وزارة|هيئة|لجنة|مجلس|مؤسسة|شركة|جامعة|منظمة|بنك|مصرف|مركز|معهد|جمعية|اتحاد|نقابة|غرفة|ديوان|سلطة|مجموعة|خلية|حكومة|رئاسة|شرطة|جيش|حزب|حركة|قيادة|إدارة|مديرية|بلدية|سفارة|قنصلية|محكمة|نيابة|دائرة|مكتب|صندوق|برنامج|مفوضية|وكالة|رابطة)$/u;

/** An institution named short ("الوزارة", "الهيئة السعودية") as the article names it before, in full. */
function fullerInstitution(subject: string, before: string): string {
  const words = subject.split(/\s+/);
  const noun = words[0].replace(/^ال/u, '');
  // "وزارة الخارجية الروسية", "الهيئة السعودية للسياحة", "خلية الإعلام الأمني": the noun, then its complements.
  const named = new RegExp(
    `(?<![\\p{L}])(?:${words.length > 1 ? escapeText(subject) : `(?:ال)?${escapeText(noun)}`})((?:\\s+["«“][^"«“»”]{2,30}["»”])?(?:\\s+(?:ال|لل|و?ال)[^\\s،,.:؛"«“»”()]+){0,4})`,
    'gu',
  );
  let best = subject;
  for (const match of before.matchAll(named)) {
    // "مؤسسة "روس آتوم" الحكومية": the proper name ends the name; what follows describes it.
    // "البنك الدولي الشهر الماضي": when it was said ends the name.
    const full = match[0]
      .replace(/(["«“][^"«“»”]+["»”]).*$/u, '$1')
      .replace(/["«“»”]/gu, '')
      .split(/\s+/)
      .reduce<string[]>(
        (kept, word, index, all) =>
          kept.length < index || (TIME_NOUN.test(word) && TIME_QUALIFIER.test(all[index + 1] ?? ''))
            ? kept
            : [...kept, word],
        [],
      )
      .join(' ');
    if (full.split(/\s+/).length > best.split(/\s+/).length) best = full;
  }
  return best;
}

const escapeText = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// "وأضاف الوزير", "وأضاف وزير الخارجية الأمريكي": the person named earlier with that title. Sure
// when one person bears it (every word of the subject in the role, a masculine title never for a
// "وزيرة"); when two or more do, the last of them is only a guess.
/** The one person named right after a definite nisba of `qualifiers` ("الإسباني، السيد خافيير مونتيرو"). */
function personQualified(qualifiers: string[], before: string, article: string): string | undefined {
  const names = new Set<string>();
  for (const qualifier of qualifiers.filter((word) => /^ال\p{L}{3,}(?:ي|ية)$/u.test(word))) {
    const stem = escapeText(qualifier.replace(/ة$/u, ''));
    const after = new RegExp(`(?<![\\p{L}])(?:[وفبل])?${stem}ة?\\s*[،,]?\\s*([^،,.:؛"«“]{2,80})`, 'gu');
    for (const match of before.matchAll(after)) {
      const text = match[1].trim();
      const name = apposedName(text);
      // Only a name: one a courtesy title or a given name opens.
      if (name && (COURTESY.test(text.split(/\s+/u)[0]) || isGiven(name.split(' ')[0])))
        names.add(fullerName(name, article));
    }
  }
  return names.size === 1 ? [...names][0] : undefined;
}

function personTitled(
  stem: string,
  words: string[],
  before: string,
  article: string,
): { name: string; role: string; sure: boolean } | undefined {
  const bare = (word: string) => word.replace(/^(?:و|ف|ب|ل)?(?:ال)?/u, '').replace(/ة$/u, '');
  const feminine = /ة$/u.test(words[0]);
  const people = peopleTitled(stem, before).filter(
    (person) => feminine || !/ة$/u.test(person.role.split(/\s+/)[0] ?? ''),
  );
  if (people.length === 0) return undefined;
  const wanted = words.slice(1).map(bare);
  // "الوزير الكازاخستاني" is the one whose role names "كازاخستان": a nisba fits its country's name.
  const fits = (role: string[], word: string) =>
    role.includes(word) ||
    (/\p{L}{3}ي$/u.test(word) &&
      role.some((part) => part.startsWith(word.slice(0, -1)) && part.length - word.length <= 1));
  const fitting = people.filter((person) => {
    const role = person.role.split(/\s+/).map(bare);
    return wanted.every((word) => fits(role, word));
  });
  // "بحث وزير الخارجية المصري … مع نظيره الأردني فيصل العدوان": "الوزير الأردني" is the
  // counterpart the title's qualifiers describe.
  if (fitting.length === 0 && wanted.length > 0) {
    for (const counterpart of ['نظيره', 'نظيرها', 'نظيرته', 'نظيرتها']) {
      for (const person of peopleTitled(counterpart, before)) {
        const role = person.role.split(/\s+/).map(bare);
        if (wanted.every((word) => fits(role, word))) fitting.push(person);
      }
    }
  }
  // "وزير الخارجية" is the one whose role says just that, not "وزير خارجية الجمهورية الإيرانية".
  const exactly = fitting.filter((person) => {
    const role = person.role.split(/\s+/).map(bare).slice(1);
    return role.length === wanted.length && wanted.every((word) => role.includes(word));
  });
  const pool = exactly.length > 0 ? exactly : fitting.length > 0 ? fitting : people;
  const names = new Set(pool.map((person) => fullerName(person.name, article)));
  const last = pool[pool.length - 1];
  return { name: fullerName(last.name, article), role: last.role, sure: pool !== people && names.size === 1 };
}

// "لوكالة الأنباء", "لصحيفة…", "لمراسلة سانا", "لـ"قنا"": the outlet a statement was made to.
const OUTLET_ADDRESSED = /^ل(?:وكالة|صحيفة|قناة|شبكة|موقع|إذاعة|تلفزيون|مجلة|جريدة|مراسل|محطة|ـ)/u;

// "صندوق النقد الدولي الشهر الماضي": when it was said, after the subject.
const TIME_NOUN = /^(?:ال)?(?:شهر|أسبوع|اسبوع|عام|سنة|أيام|يوم|ليلة|صباح|مساء)$/u;
const TIME_QUALIFIER = /^(?:ال)?(?:ماضي|ماضية|مقبل|مقبلة|جاري|جارية|حالي|حالية|فائت|فائتة|أول|أولى|ذاته|نفسه)$/u;

// "أن", "إن", "بأن": what was said begins; the subject has ended.
const COMPLEMENTIZER = /^(?:أن|إن|أنه|إنه|أنها|إنها|بأن|بأنه|بأنها|ان|انه|بان)$/u;

// The subject runs from the verb to the first comma, colon or word that starts a context.
function splitSubjectOf(text: string, outletWords: ReadonlySet<string>): { subject?: string; context: string } {
  const addressed = (word: string) =>
    /^ل\p{L}{2}/u.test(word) && (outletWords.has(word.slice(1)) || outletWords.has(word));
  // "قالت من جهتها رئيسة الجمعية…", "وقال بدوره الوزير…": the aside is no part of the subject.
  const clauses = text
    .replace(/^\s*(?:من\s+(?:جهتها|جهته|جانبها|جانبه|ناحيتها|ناحيته)|بدورها|بدوره)[،,]?\s*/u, '')
    .split(/[،,:]/u)
    .map((clause) => clause.trim());
  // "أستاذ علم النفس في جامعة مانشستر، ريتشارد هيوز،": a role, then the name in apposition.
  const [role, apposed] = clauses;
  // "…، داعية قيادة المجلس إلى": a circumstantial participle after a comma goes on with the sentence.
  // "إحدى ساكنات المبنى، وتدعى يلينا كوزنيتسوفا": what she is called is her name.
  const calledBy = apposed?.replace(/^(?:و)?(?:تدعى|يدعى|اسمه|اسمها|تُدعى|يُدعى)\s+/u, '');
  const name = calledBy && !isParticiple(calledBy.split(/\s+/)[0]) ? apposedName(calledBy) : undefined;
  // The role is a title phrase: "رئيسة المجلس أن عدد المشاركات بلغ…" is a clause, no role.
  const roleWords = role ? role.split(/\s+/) : [];
  if (
    role &&
    isTitle(roleWords[0]) &&
    roleWords.length <= 16 &&
    !roleWords.some((word) => COMPLEMENTIZER.test(word)) &&
    // "السناتور … جيمس هارلو، أحد راعيي المشروع": a role that names someone is followed by what they are.
    !roleWords.slice(1).some(isGiven) &&
    name
  )
    return { subject: `${role}، ${name}`, context: clauses.slice(2).find((clause) => clause !== '') ?? '' };
  if (role && calledBy !== apposed && name) return { subject: `${role}، ${name}`, context: '' };
  const words = (clauses[0] ?? '').split(/\s+/).filter(Boolean);
  // A name may start with lam (لافروف): right after the verb only "لل…" (للصحفيين) opens a context.
  const cut = words.findIndex(
    (word, index) =>
      (index > 0 && TIME_NOUN.test(word) && TIME_QUALIFIER.test(words[index + 1] ?? '')) ||
      // "زاخاروفا إحاطتها", "الوزير كلمته": a noun with her or his pronoun is what was done, not who.
      (index > 0 && /^\p{L}{3,}(?:ته|تها)$/u.test(word) && !isGiven(word)) ||
      addressed(word) ||
      ((CONTEXT_START.test(word) || OUTLET_ADDRESSED.test(word)) &&
        (index > 0 || !/^ل(?!ل)/u.test(word) || /^(?:ل|لل)$/u.test(word) || OUTLET_ADDRESSED.test(word)) &&
        // "مديرة التربية في دمشق غادة الحلبي": في, لدى or a لل… word inside a role, before the name;
        // but "لوكالة الأنباء" names whom it was said to, never a role.
        // "الوزير أن الطاقة…": a complementizer ends the subject, never a role.
        (OUTLET_ADDRESSED.test(word) || COMPLEMENTIZER.test(word) || !roleGoesOn(words, index)) &&
        // "السناتور الجمهوري عن ولاية أوهايو جيمس هارلو": عن before a name is the role's ("from").
        !(word === 'عن' && words.slice(index + 1, index + 6).some(isGiven)) &&
        // "شركة زاغروس للطاقة": an institution's complement, not whom it spoke to.
        !(index <= 2 && /^لل/u.test(word) && ORGANISATION.test(words[0])) &&
        // "مصدر في الشركة العامة": the body an anonymous source speaks from.
        !(
          index === 1 &&
          word === 'في' &&
          ANONYMOUS.test(words[0]) &&
          ORGANISATION.test((words[2] ?? '').replace(/^ال/u, ''))
        )),
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
