// Precision first: a speaker the parser names must look like a person (or an anonymous source
// as written), or the quotation is flagged for an editor. A speaker is cleaned first (a title
// glued after the name, an auxiliary verb before it), completed from the article's fuller mention,
// then checked: not a verb form, not a common noun phrase, not a clause, not a bare role.
import { COURTESY, describes, fullerName, isGiven, isTitleWord, ROLE_NOUNS, roleOf } from './people';
import { isParticiple, isReportingVerb, VERB_FORM } from './verbs';

// Words that open a clause or stand for a verb's tense, never a name: "وكان لافروف", "ان المباحثات".
const CLAUSE_OPENERS =
  /^(?:وأن|وإن|لأن|ولأن|وبأن|حتى|أن|ان|إن|أنه|انه|إنه|أنها|انها|بأن|وكان|وكانت|كان|كانت|فيما|بينما|وقد|قد|ثم|كما|وهو|وهي|الذي|التي|وأضاف|وأضافت|وأردف|وأردفت|أردف|أردفت)$/u;
// Common nouns that a subject clause catches instead of a person.
const NOT_A_NAME =
  /^(?:و|ب|ل|ف)?(?:ال)?(?:وكالة|وكالات|أنباء|انباء|صفحة|رسمية|رسمي|عدم|كشف|ذكر|اسمه|اسمها|هويته|هويتها|بيان|تصريح|تصريحات|مخاطبته|مخاطبتها|كلمته|كلمتها|حديثه|حديثها|المباحثات|مباحثات|مؤتمر|اجتماع|لقاء|حكومة|وزارة)$/u;
// Anonymous sources are kept as written: confident only with what qualifies them ("مصدر حكومي").
const ANONYMOUS =
  /^(?:مصدر|مصادر|مصدران|مصدرين|مسؤولان|مسؤول|مسؤولة|مسؤولون|دبلوماسي|دبلوماسيون|شهود|شاهد|ناشطون|سكان|خبير|خبراء|محلل|محللون|متحدث|متحدثة|ناطق|ناطقة)$/u;
// What ends an anonymous source's phrase: "مصدر حكومي فضل عدم ذكر اسمه".
const ANONYMOUS_END = /^(?:فضل|فضّل|فضلا|طلب|طلبت|طلبا|رفض|رفضت|رفضا|اشترط|اشترطت|اشترطا|قال|قالت|قالا)$/u;
// A phrase that qualifies an anonymous source and is whole: a nisba adjective ("حكومي"، "طبية").
const QUALIFIED = /\p{L}{2}(?:ي|ية|يون|يين|يان)$/u;
// A name cut short: it ends where a nasab or kunya goes on ("أحمد فيصل بن عبد").
const CUT_SHORT = /^(?:بن|بنت|ابن|أبو|ابو|آل|عبد|ولد)$/u;
const SPEAKING = (word: string) => isReportingVerb(word) || isParticiple(word);

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The speaker without what is no part of a name: leading auxiliaries and marks, a trailing title. */
function clean(speaker: string): string {
  let parts = words(speaker.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/[^\p{L}\p{M}\s'-]/gu, ' '));
  while (parts.length > 1 && (CLAUSE_OPENERS.test(parts[0]) || COURTESY.test(parts[0]))) parts = parts.slice(1);
  // "محمد معيط وزير المالية", "ليلى جاسم المناعي وزيرة", "رانيا الشربيني كبيرة الاقتصاديين": the role after.
  const cut = parts.findIndex(
    // "مريم بنت محمد الأمين": a definite word after a name is a family name, not a title.
    (word, index) =>
      index > 0 && !word.startsWith('ال') && (isTitleWord(word) || ROLE_NOUNS.has(word) || /^كبير(?:ة)?$/u.test(word)),
  );
  if (cut > 0 && !parts.slice(0, cut).every(describes)) parts = parts.slice(0, cut);
  return parts.join(' ');
}

const looksLikeAName = (name: string): boolean => {
  const parts = words(name);
  if (parts.length === 0 || parts.length > 6) return false;
  if (CLAUSE_OPENERS.test(parts[0])) return false;
  return parts.every(
    (word) =>
      !NOT_A_NAME.test(word) &&
      !SPEAKING(word) &&
      !(VERB_FORM.test(word) && !isGiven(word) && !word.startsWith('ال')) &&
      /^[\p{L}\p{M}'-]+$/u.test(word),
  );
};

/** Where the article names the person with a role, a courtesy title or in apposition. */
const introduced = (name: string, article: string) => {
  if (roleOf(name, article)) return true;
  const at = article.indexOf(name);
  if (at <= 0) return false;
  const before = article.slice(Math.max(0, at - 40), at).trimEnd();
  const last = words(before).pop() ?? '';
  return /[،,]$/u.test(before) || COURTESY.test(last) || isTitleWord(last) || describes(last);
};

/**
 * Whether the article writes the name longer: a word of a name glued before it ("بدرية بنت سعيد
 * الراشدية" for "سعيد الراشدية", "أبوبكر عمر البشرى") or a nasab after it ("ريما بنت بندر بن سلطان").
 */
function longerInArticle(name: string, article: string): boolean {
  let from = 0;
  for (let guard = 0; guard < 50; guard += 1) {
    const at = article.indexOf(name, from);
    if (at === -1) return false;
    from = at + name.length;
    const after = words(article.slice(from, from + 20))[0] ?? '';
    if (/^\s/u.test(article.slice(from, from + 1)) && CUT_SHORT.test(after)) return true;
    const gap = article.slice(Math.max(0, at - 1), at);
    if (gap !== ' ') continue;
    const before = words(article.slice(Math.max(0, at - 30), at)).pop() ?? '';
    if (
      /^[\p{L}]+$/u.test(before) &&
      (CUT_SHORT.test(before) ||
        (!describes(before) &&
          !COURTESY.test(before) &&
          !isTitleWord(before) &&
          !SPEAKING(before) &&
          !CLAUSE_OPENERS.test(before) &&
          !/^(?:و|ف)?(?:قال|قالت|يقول|تقول|أكد|أكدت|أعلن|أعلنت|أضاف|أضافت|حسب|بحسب|وفق|عن|مع|إلى|على|من|في|أن|إن|له|لها)$/u.test(
            before,
          ) &&
          !VERB_FORM.test(before)))
    )
      return true;
  }
  return false;
}

/** The speaker to store, and whether an editor must confirm it. */
export function reviewSpeaker(
  speaker: string,
  article: string,
  guessed: boolean,
): { speaker: string; needsReview: boolean } {
  const first = words(speaker)[0] ?? '';
  if (ANONYMOUS.test(first)) {
    // "مصدر حكومي": as written; "مصدر" alone, or "مصدر بوزارة" cut short, may have lost its qualifier.
    const phrase = words(speaker);
    const end = phrase.findIndex((word, index) => index > 0 && ANONYMOUS_END.test(word));
    const kept = end > 0 ? phrase.slice(0, end) : phrase;
    // "مسؤول في مديرية" is cut short: an indefinite institution waits for the word it governs.
    const last = kept[kept.length - 1];
    const whole = kept.length >= 2 && QUALIFIED.test(last) && !(ROLE_NOUNS.has(last) && !last.startsWith('ال'));
    return { speaker: kept.join(' '), needsReview: guessed || !whole };
  }
  const cleaned = clean(speaker);
  const name = cleaned === '' ? speaker : cleaned === speaker ? speaker : fullerName(cleaned, article);
  if (!looksLikeAName(name)) return { speaker: name, needsReview: true };
  const parts = words(name);
  // A bare role ("الدبلوماسية الروسية", "المسؤولة الأممية"): every word describes, none is a name.
  if (parts.every((word) => describes(word) && !isGiven(word))) return { speaker: name, needsReview: true };
  // A surname alone the article never completed, or a name nobody introduced: a guess.
  const confident =
    parts.length >= 2 &&
    !CUT_SHORT.test(parts[parts.length - 1]) &&
    !longerInArticle(name, article) &&
    (isGiven(parts[0]) || introduced(name, article));
  return { speaker: name, needsReview: guessed || !confident };
}
