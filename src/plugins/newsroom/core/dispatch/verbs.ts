// The reporting verbs and participles that introduce a quotation ("قال", "أضافت", "مؤكدا"), as
// patterns to find in a sentence and as tests of one word.

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
  'كشف',
  'نفى',
  'حذر',
  'حذّر',
  'رأى',
  'أعرب',
  'نبه',
  'نبّه',
  'دعا',
  'طالب',
  'عبر',
  'عبّر',
  'أبدى',
  'بيّن',
  'ختم',
  'استدرك',
  'أبرز',
  'أردف',
  'استطرد',
  'تساءل',
  'جدد',
  'توقع',
  'روى',
  'علق',
  'علّق',
  'أقر',
  'اعترف',
  'كتب',
  'غرد',
];
// The same verbs in the present, as features and interviews write them ("تقول فاطمة", "يضيف"):
// the stem after the prefix ي (he) or ت (she). Left out: "تبين" (it turned out), "يتابع" (follows,
// monitors), "يذكر أن" (it is worth noting), which name no speaker.
const IMPERFECT_STEMS = [
  'قول',
  'ضيف',
  'ؤكد',
  'وضح',
  'شير',
  'روي',
  'شرح',
  'علن',
  'عتبر',
  'رى',
  'لفت',
  'شدد',
  'حذر',
  'كشف',
  'نفي',
  'صرح',
  'ردف',
  'تساءل',
  'توقع',
  'دعو',
  'طالب',
  'علق',
  'عترف',
  'كتب',
  'ستذكر',
  'تذكر',
];
// Circumstantial participles (حال) after a speaker: "قالت …، داعية إلى "…"", "محذرا من "…"". Nouns
// that share a form ("مطالب" demands, "معلن" declared) are left out.
const PARTICIPLE_STEMS = [
  'مؤكد',
  'مضيف',
  'موضح',
  'مشير',
  'قائل',
  'معتبر',
  'متابع',
  'لافت',
  'مشدد',
  'داعي',
  'محذر',
  'منوه',
  'معرب',
  'واصف',
  'مختتم',
  'مستدرك',
  'مردف',
  'مبرز',
  'مبين',
];

// Agencies that write no hamza ("واضاف", "اكد", "اشار") use the same verbs: أ/إ may be written ا.
const VERB_WORD = `(?:و|ف)?(?:${VERB_STEMS.map((stem) => stem.replace(/^[أإ]/u, '[أإا]')).join('|')})(?:ت|ا|تا|وا)?`;
// The tanween is written on the alef or before it: "مؤكداً", "مبينًا".
const PRESENT_WORD = `(?:و|ف)?[يت](?:${IMPERFECT_STEMS.join('|')})`;
const PARTICIPLE_WORD = `(?:${PARTICIPLE_STEMS.join('|')})(?:ا|اً|ًا|ة|ين|ون|تين)?`;

// "وبين الوزير أن": بيّن written without its shadda is the preposition "between" too: a verb only when
// أن/إن or a colon follows within its clause.
// "بينت" is only ever the verb.
// "بين المحال … قبل أن تختار": أن after قبل, بعد, دون… is not what بيّن governs.
const BAYYANA = `(?:و|ف)?بينت|(?:و|ف)?بين(?=(?:\\s+[^\\s،,.:"«“]+){0,8}?(?:\\s+(?<!(?:قبل|بعد|دون|بدون|منذ|حتى|من|بدل)\\s+)(?:أن|إن|أنه|إنه|بأن)(?![\\p{L}])|\\s*:))`;
/** Every finite reporting verb in a text (global: use with matchAll). */
// "فيما ردت الأمينة العامة بأن": replied, in the feminine only ("ردا على" is a preposition's phrase).
const RADDAT = '(?:و|ف)?ردت';
export const FINITE_VERB = new RegExp(
  `(?<![\\p{L}])(?:${VERB_WORD}|${PRESENT_WORD}|${RADDAT}|${BAYYANA})(?![\\p{L}])`,
  'gu',
);
/** Every reporting participle in a text (global: use with matchAll). */
export const PARTICIPLE = new RegExp(`(?<![\\p{L}])${PARTICIPLE_WORD}(?![\\p{L}])`, 'gu');

const ONE_VERB = new RegExp(`^(?:${VERB_WORD}|${PRESENT_WORD}|${RADDAT})$`, 'u');
const ONE_PRESENT = new RegExp(`^${PRESENT_WORD}$`, 'u');
const ONE_PARTICIPLE = new RegExp(`^${PARTICIPLE_WORD}$`, 'u');

export const isReportingVerb = (word: string) => ONE_VERB.test(word);
export const isParticiple = (word: string) => ONE_PARTICIPLE.test(word);
/** "قالت", "أضافتا", "تقول": a reporting verb whose subject is feminine. */
export const isFeminineVerb = (word: string) =>
  new RegExp(`^${RADDAT}$`, 'u').test(word) ||
  (ONE_PRESENT.test(word) ? /^(?:و|ف)?ت/u.test(word) : /تا?$/u.test(word) && ONE_VERB.test(word.replace(/تا?$/u, '')));

// A verb form: imperfect (تعمل، يقول) or perfect with a feminine ending (ماضية is an adjective, same test).
// Given names share some of these shapes (أحمد، يوسف): callers set those apart.
export const VERB_FORM = /^(?:و|ف)?(?:س?[يت]\p{L}{3}|أ\p{L}{3}|\p{L}{3}(?:ت|وا)|\p{L}{4}ية)$/u;

// An imperfect verb standing beside a name in a narrative lead: "تراقب ريما", "الشناوي يتفحص".
// Given names of that shape (يوسف، يعقوب، يحيى) are set apart by the caller.
export const IMPERFECT = /^(?:و|ف)?س?[يت]\p{L}{3,4}$/u;
