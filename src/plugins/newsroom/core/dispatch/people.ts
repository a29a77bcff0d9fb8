// People named in a dispatch: where a role ends and a name begins ("وزير الخارجية الروسي سيرغي
// لافروف"), a surname or given name completed from the article ("لافروف" → "سيرغي لافروف"), and a
// title standing for the person named earlier with it ("الوزير").

import { IMPERFECT, isReportingVerb, VERB_FORM } from './verbs';

export const TITLE_WORDS = [
  'الرئيس',
  'رئيس',
  'رئيسة',
  'وزير',
  'وزيرة',
  'نائب',
  'نائبة',
  'مدير',
  'مديرة',
  'مساعد',
  'مساعدة',
  'المتحدث',
  'الناطق',
  'المتحدثة',
  'ناطق',
  'ناطقة',
  'متحدث',
  'متحدثة',
  'سفير',
  'سفيرة',
  'السفير',
  'الأمين',
  'أمين',
  'أمينة',
  'قائد',
  'زعيم',
  'الملك',
  'الأمير',
  'رئيس الوزراء',
  'محافظ',
  'محافظة',
  'والي',
  'والية',
  'وكيل',
  'وكيلة',
  'مستشار',
  'مستشارة',
  'عضو',
  'سناتور',
  'سيناتور',
  'عضوة',
  'منسق',
  'منسقة',
  'ممثل',
  'ممثلة',
  'المبعوث',
  'مبعوث',
  'عميد',
  'عميدة',
  'النائب',
  'النائبة',
  'أستاذ',
  'أستاذة',
  'استشاري',
  'استشارية',
  'مندوب',
  'مندوبة',
  'مفوض',
  'مفوضة',
  'سكرتير',
  'سكرتيرة',
  'خبير',
  'خبيرة',
  'رئيسة',
  'باحث',
  'باحثة',
  'الباحث',
  'الباحثة',
  'أمينة',
  'مراسل',
  'مراسلة',
  'مؤسس',
  'رئيسة',
  // Roles of everyday speakers in reportage: the word before a name, never part of it.
  'مدرب',
  'حارس',
  'لاعب',
  'سائق',
  'زوج',
  'شقيق',
  'والد',
  'محام',
  'محامي',
  'قاض',
  'طبيب',
  'ممرض',
  'معلم',
  'مزارع',
  'تاجر',
  'صاحب',
  'مهندس',
  'ساكن',
  'ساكنة',
  'موظف',
  'ضابط',
  'مشرف',
  'مدرس',
  'كاتب',
  'شاعر',
  'روائي',
  'فنان',
  'مخرج',
  'ناشط',
  'مدون',
  'صحفي',
  'مصور',
  'مترجم',
  'متطوع',
  'لاجئ',
  'نازح',
  'بائع',
  'صياد',
  'جار',
  'شاهد',
  'مكلف',
  'محلل',
  'أخصائي',
  'اخصائي',
  'استاذ',
  'استاذة',
  'رئيس',
];

// Nouns that carry a role on before the name ("المتحدث باسم وزارة الخارجية", "مدير عام شركة …").
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'باسم',
  'وزارة',
  'وزير',
  'رئيس',
  'مجلس',
  'هيئة',
  'لجنة',
  'مدير',
  'مديرة',
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
  'إدارة',
  'قسم',
  'دائرة',
  'مؤسسة',
  'شركة',
  'جامعة',
  'منظمة',
  'بلدية',
  'محافظة',
  'ولاية',
  'صندوق',
  'بنك',
  'مصرف',
  'مركز',
  'معهد',
  'جمعية',
  'اتحاد',
  'نقابة',
  'غرفة',
  'ديوان',
  'سلطة',
  'مجموعة',
  'وحدة',
  'برنامج',
  'مشروع',
  'عام',
  'عامة',
  'أمين',
  'أمانة',
  'مستشار',
  'عضو',
  'لدى',
  'مكتبة',
  'متحف',
  'معرض',
  'مهرجان',
  'فرع',
  'إقليم',
  'منطقة',
  'علم',
  'علوم',
  'كلية',
  'مديرية',
  'مدينة',
  'مستشفى',
]);

// Role nouns that govern the word after them when indefinite ("رئيسة بلدية أنطاكيا", "مدير مستشفى
// غزة"): the governed word is part of the role, not the name's first word.
const NOT_CONSTRUCT = new Set(['باسم', 'عام', 'عامة', 'لدى', 'أمين']);
const governs = (word: string) =>
  !word.startsWith('ال') && !NOT_CONSTRUCT.has(word) && (ROLE_NOUNS.has(word) || isTitleWord(word));
// "لشركة", "بوزارة": a preposition glued to the noun changes nothing.
export const governsNext = (word: string) => governs(word) || (/^[لبو]\p{L}{3}/u.test(word) && governs(word.slice(1)));

// Words that courtesy puts before a name and that are no part of it.
export const COURTESY =
  /^(?:البروفيسور|البروفسور|الفلاح|الفلاحة|المواطن|المواطنة|معالي|سمو|صاحب|السمو|الشيخ|الشيخة|السيد|السيدة|الدكتور|الدكتورة|د\.|المهندس|المهندسة|الأستاذ|الأستاذة|فخامة|دولة|سعادة|سماحة|جلالة|العقيد|اللواء|العميد|الفريق|المستشار|القاضي|الحاج|الحاجة|هاجة|داتو|داتوك|داتين|سري|توان|بوان|الملازم|النقيب|المقدم|الرقيب|المشير)$/u;

// Words that end a name: times, places and what follows a name in a sentence.
const NAME_END =
  /^(?:وعدد|برفقة|بحضور|ومعه|ومعها|قلقه|قلقها|ارتياحه|ارتياحها|أسفه|أسفها|ترحيبه|ترحيبها|رفضه|رفضها|تأييده|تأييدها|استياءه|استياءها|أمله|أملها|تفاؤله|تفاؤلها|استعداده|استعدادها|حرصه|حرصها|تقديره|تقديرها|شكره|شكرها|إعجابه|إعجابها|تضامنه|تضامنها|عقب|إثر|اثر|حتى|للصحفيين|للصحافيين|وأن|وإن|لأن|ولأن|فإن|بل|ولكن|اليوم|أمس|غدا|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|صباح|مساء|خلال|في|أمام|عبر|على|إلى|مع|عن|من|بعد|قبل|أن|إن|أنه|إنه|بأن|الذي|التي|إنها|أنها|قوله|قولها|إلى|لدى|ضمن|حول|بشأن|وذلك|كما|فيما|بينما|حيث|لكن|لكنه|ولكن|و|ثم|قد|لقد|كان|كانت|يوم|ردا|رداً|تعليقا|تعليقاً|قائلا|قائلاً|قائلة|مضيفا|مضيفاً|مضيفة|مشيرا|مشيراً|مشيرة|مؤكدا|مؤكداً|مؤكدة|موضحا|موضحاً|موضحة|ان|انه|نظيره|نظيرها|نظيرته|نظيرتها|نظراءه|نظراءها|لاحقا|لاحقاً|سابقا|سابقاً|أيضا|أيضاً|مجددا|مجدداً|مؤخرا|مؤخراً|حاليا|حالياً|رسميا|رسمياً|علنا|علناً|كذلك|بدوره|بدورها|حينها|حينه|حينذاك|آنذاك|وقتها|وقتئذ|يومها|يومئذ)$|^لـ|["«“»”]|\d|[\u0660-\u0669]/u;

// Given names, so a name after a role is found even when the role runs into an organisation's
// name ("المدير العام لمؤسسة كهرباء لبنان لؤي ناصر").
const GIVEN_NAMES = new Set(
  (
    'محمد أحمد محمود مصطفى علي عمر عثمان حسن حسين خالد سعيد سعد سالم سامي سامر سمير سليمان سلمان ' +
    'عبد عبدالله عبدالعزيز عبدالرحمن عبدالكريم عبدالمجيد عبدالحميد عبداللطيف يوسف يونس إبراهيم إسماعيل ' +
    'إسحاق يعقوب موسى عيسى هارون داود زكريا يحيى نبيل نادر ناصر نايف نواف فهد فيصل فارس فراس فادي ' +
    'فؤاد فتحي فوزي كريم كمال كامل ماجد مازن مالك مروان منير منصور مهدي هاني هشام هيثم وائل وليد ' +
    'وسيم ياسر ياسين زياد زيد طارق طلال عادل عماد عمار عاصم عامر عصام غسان جمال جميل جواد حاتم ' +
    'حامد حمدان حمد حمزة حيدر رامي رائد رياض رشيد رضا شادي شريف صالح صلاح ضياء بشار بشير بدر باسل ' +
    'أيمن أسامة أنس أكرم أمجد أنور إياد أمين بكر تامر توفيق ثامر جابر جاسم جعفر حازم حسام خليل راشد ' +
    'ربيع زهير سيف شاكر صابر صادق صفوان عدنان علاء عوض غازي قاسم لؤي ليث لقمان لمين مجدي مدحت مراد ' +
    'مصعب معاذ مهند نزار نصر نعمان هادي همام وحيد يزن أنيس بلال تميم جلال حافظ حكيم خميس ' +
    'راضي سلطان سهيل طه عزيز عبير فاطمة عائشة خديجة زينب مريم سارة سلمى ليلى لينا لبنى لمى لطيفة ' +
    'نورة نور نوال هدى هند هالة هبة رنا رلى رولا ريم ريما رشا سعاد سميرة سهى سناء شيماء صفاء ضحى ' +
    'علياء غادة فرح كوثر لانا ميساء منى منال مها ناديا نادية نجلاء نسرين نهى نهلة وفاء ياسمين يسرى ' +
    'أمل أسماء إيمان آمنة بسمة جميلة حنان خلود دعاء دينا رانيا رحاب ختام سوسن شهد عفاف ابتسام ' +
    'سيرغي فلاديمير ديمتري دميتري ماريا ألكسندر يوري أندريه إيغور نيكولاي ميخائيل جون جوليا ' +
    'توم ليندا كلير بيار ماري جان مايكل ديفيد جيمس روبرت ويليام ' +
    'لالة لادن مجيد مهدية أرهان فاطمة الحسين الحسن الطيب الهادي المختار المهدي العربي الصادق ' +
    // Common given names across the region, the Maghreb, Turkey, Iran, Malaysia and the West, as
    // Arabic dispatches spell them; none of them an everyday noun or adjective of news copy.
    'عمران حمود محسن مرتضى مجتبى حميد سعود بندر متعب مشعل ممدوح عايض عبيد ذياب شهاب إدريس ادريس ' +
    'أيوب إلياس الياس عبده حمادي لحسن امحمد حسني رأفت عصمت حكمت شوقي فاروق أشرف عمرو مختار نجيب ' +
    'لطفي رمزي سامح عاطف وجدي حسنين بسام نبيه جورج إيلي ميشال ميشيل بطرس حنا يوحنا طوني شربل ' +
    'جوزيف أنطوان نقولا سليم وديع فيليب رجب هاكان مولود أوميت جودت بولنت خلوصي عباس مسعود أمير ' +
    'كاظم بهرام فرهاد داريوش مهرداد مرضية زاهد محيي إيمانويل أنتوني دونالد كامالا هيلاري أنجيلا ' +
    'أولاف فريدريش بوريس ريشي تيريزا أورسولا جوزيب أنطونيو تشارلز إيلون مارك ستيفان فرانك ' +
    'فولفغانغ كلاوس هانز بيتر توماس مارتن كريستوفر فيكتور يلينا إيلينا تاتيانا أولغا ناتاليا آنا ' +
    'صوفيا إليزابيث كاثرين كريستين ليز كارين نانسي جانيت أليكسي فاسيلي غينادي فالنتينا يفغيني ' +
    'ميثاء موزة نوف شما مهرة لولوة منيرة عبلة هيفاء رغد رزان جنى تالا ديما دانة غدير لجين ريهام ' +
    'نجوى سلوى سهير عزة نعيمة حليمة فتيحة زهرة يمينة مليكة نزهة حورية ثريا صليحة رقية سمية نبيلة ' +
    'سامية فايزة فوزية بثينة سعدية زكية هيام لمياء وداد مروة إسراء علا رهف جود ليان مي ميس ميرنا ' +
    'يارا كارمن روان شيرين نادين ساجدة يسرا جيهان داليا'
  ).split(/\s+/),
);

// Words that chain a name on: "بن سالم", "بنت سعيد", "آل خليفة", "عبد الرحمن", "أبو علي".
const NASAB = /^(?:بن|بنت|ابن|آل|عبد|أبو|ابو)$/u;

// The second word of a compound given name: "نور الدين", "فاطمة الزهراء", "سيف الإسلام".
const COMPOUND_GIVEN = /^ال(?:دين|له|كريم|رحمن|رحيم|حق|جليل|عزيز|باري|نبي|زهراء|هدى|إسلام|اسلام|خير)$/u;

/** The name at the head of `words`: up to four words, one definite family name, until the sentence goes on. */
function nameFrom(words: readonly string[]): string {
  const name: string[] = [];
  for (const [position, word] of words.entries()) {
    const previous = name[name.length - 1] ?? '';
    const nasab = NASAB.test(word) || NASAB.test(previous);
    // After a definite family name ("هالة السعيد") only a nasab goes on ("… بن سالم"): "حرص دولة"
    // is the sentence. After two words, an indefinite word that governs a definite one ("أوميت أيدن
    // إنجاز المشروع") is a verbal noun and its object, unless it is a given name.
    const surnamed = name.some(
      (part, index) =>
        part.startsWith('ال') &&
        !COMPOUND_GIVEN.test(part) &&
        // "عبد الرحيم الطيب أحمد": a definite given name ("الطيب", "الصادق") is a father's name, and
        // so is a courtesy word inside a name ("محمد السيد الشربيني").
        !GIVEN_NAMES.has(part) &&
        !COURTESY.test(part) &&
        !NASAB.test(name[index - 1] ?? ''),
    );
    const next = words[position + 1] ?? '';
    if (name.length >= 1 && surnamed && !nasab && !word.startsWith('ال')) break;
    if (
      name.length >= 2 &&
      !nasab &&
      !word.startsWith('ال') &&
      !isGiven(word) &&
      next.startsWith('ال') &&
      !COMPOUND_GIVEN.test(next) &&
      !NAME_END.test(next)
    )
      break;
    // A nasab chain ("ريما بنت بندر بن سلطان", "محمد بن عبدالله آل خليفة") runs past four words.
    const chained =
      NASAB.test(name[name.length - 1] ?? '') ||
      (NASAB.test(word) && name.length < 6) ||
      // "محمد بن عبد الجليل الفاسي": a name with a nasab runs to a family name past four words.
      (name.some((part) => NASAB.test(part)) && name.length < 6 && word.startsWith('ال'));
    // "خالد بوزيد المتحدث باسم المجلس": a title after a name is the role going on, not the name; so is
    // a title after و ("خالد عبد الغفار ووزير التعليم العالي"): the next person's role.
    if (name.length >= 1 && isTitleWord(word) && !isGiven(word.replace(/^ال/u, '')) && !NASAB.test(previous)) break;
    if (name.length >= 1 && /^و\p{L}{3}/u.test(word) && (isTitleWord(word.slice(1)) || ROLE_NOUNS.has(word.slice(1))))
      break;
    if (NAME_END.test(word) || (name.length >= 4 && !chained) || name.length === 8) break;
    // One definite family name ("سامر العبادي", "لمى عبد الجبار الربيعي"); a second is the sentence going on.
    // "نور الدين", "عوض الكريم", "عبد الله": a compound given name, not a definite family name.
    if (COMPOUND_GIVEN.test(word) && name.length >= 1 && name.length < 4) {
      name.push(word);
      continue;
    }
    const definite = name.filter(
      (part, index) =>
        part.startsWith('ال') &&
        !COMPOUND_GIVEN.test(part) &&
        !COURTESY.test(part) &&
        !GIVEN_NAMES.has(part) &&
        !/^(?:عبد|أبو|بن|بنت|آل)$/u.test(name[index - 1] ?? ''),
    );
    if (
      name.length >= 1 &&
      word.startsWith('ال') &&
      definite.length > 0 &&
      !/^(?:عبد|أبو|بن|بنت|آل)$/u.test(name[name.length - 1])
    )
      break;
    name.push(word);
  }
  return name.join(' ');
}

/** A title, with or without the article or the feminine ending: "الوزير", "المتحدثة", "مديرة". */
export function isTitleWord(word: string): boolean {
  const bare = word.replace(/^ال/u, '');
  return TITLE_WORDS.includes(word) || TITLE_WORDS.includes(bare) || TITLE_WORDS.includes(bare.replace(/ة$/u, ''));
}

/** Whether a word can open a name: a given name, or a word that does not describe. */
export const opensName = (word: string) => isGiven(word) || (!describes(word) && !NAME_END.test(word));

/** A name in apposition ("السيد الحسين أوعلي"): its words without courtesy titles, when they open a name. */
const PLACE_NOUN =
  /^(?:و|ب|ل|ف)?(?:مطار|شارع|مسجد|ميناء|ساحة|حي|مدرسة|قاعة|جسر|سد|مستشفى|جامعة|معهد|مركز|قصر|مدينة|بلدة|قرية|مخيم|جائزة|مؤسسة)$/u;

const RANK_DEGREE = /^(?:أول|الأول|ثان|ثاني|الثاني|ركن|الركن)$/u;

/** The words of a name with the courtesy titles before it left out ("السيد" ends "مريم خليل السيد"). */
const withoutCourtesy = (text: string): string[] => {
  const words = text.split(/\s+/).filter((word) => word !== '');
  let start = 0;
  // "الملازم أول كمال بن عمر": a rank's degree goes with it.
  while (start < words.length - 1 && (COURTESY.test(words[start]) || (start > 0 && RANK_DEGREE.test(words[start]))))
    start += 1;
  return words.slice(start);
};

export function apposedName(text: string): string | undefined {
  const words = withoutCourtesy(text);
  if (words.length === 0 || !opensName(words[0])) return undefined;
  if (words.length <= 4) return words.join(' ');
  // "الدكتورة ليلى بن عمر من جامعة ريدينغ": the name, up to where the clause goes on.
  const name = nameFrom(words);
  return name !== '' && name.split(' ').length <= words.length ? name : undefined;
}

/** A word that describes (a role, an organisation, a place adjective) rather than names. */
export function describes(word: string): boolean {
  const clean = word.replace(/[،,.:؛]+$/u, '');
  if (clean.startsWith('ال') || clean.startsWith('لل') || isTitleWord(clean) || ROLE_NOUNS.has(clean)) return true;
  // "ومديره القطري", "نائبها": a role noun with a possessive pronoun is a role, never a name.
  const owned = /^(?:و|ف)?(\p{L}{3,})(?:ه|ها|هم|هما)$/u.exec(clean);
  const noun = owned?.[1].replace(/ت$/u, 'ة');
  if (noun && (isTitleWord(noun) || ROLE_NOUNS.has(noun))) return true;
  // "بوزارة", "لشؤون", "والتحضر", "لمؤسسة": a prefixed role noun or a definite word.
  const bare = clean.replace(/^(?:و|ب|ل|ف)/u, '');
  if (bare.length >= 3 && bare !== clean && !GIVEN_NAMES.has(clean))
    return bare.startsWith('ال') || ROLE_NOUNS.has(bare) || TITLE_WORDS.includes(bare);
  return false;
}

export const isGiven = (word: string) => GIVEN_NAMES.has(word) || /^عبد\s?ال/u.test(word);

/** The name in a run of words that may start with a role: from the first given name, else the first word that does not describe. */
export function splitRoleAndName(subject: string): { name: string; role?: string } {
  // "المديرة الإقليمية للبنك الدولي في المشرق، سارة فان دير بيرغ": the role, a comma, the name.
  const [before, after, ...others] = subject.split(/[،,]/u).map((part) => part.trim());
  const apposedWords = withoutCourtesy(after ?? '');
  if (after && others.length === 0 && apposedWords.length > 0 && opensName(apposedWords[0])) {
    const apposed = nameFrom(apposedWords);
    if (apposed) return { name: apposed, role: before };
  }
  const words = subject.split(/\s+/).filter(Boolean);
  if (words.length > 0 && !describes(words[0]) && !COURTESY.test(words[0]) && !NAME_END.test(words[0]))
    return { name: nameFrom(words) };
  // "… المهندسة رهف السمان", "… الدكتورة سلوى منير الشناوي": a courtesy title opens the name.
  const courtesies: number[] = [];
  // "وزير الفلاحة …" is a ministry, not the courtesy "الفلاح(ة)": a title governs the word after it.
  words.forEach((word, index) => {
    const governed = isTitleWord(words[index - 1] ?? '') || ROLE_NOUNS.has(words[index - 1] ?? '');
    if (index > 0 && index < words.length - 1 && COURTESY.test(word) && !governed) courtesies.push(index);
  });
  // "الدكتور بدر عبدالله الرشيدي التزام دولة الكويت": the courtesy before a given name is the name's,
  // a later one ("دولة") is the sentence going on.
  const courtesyAt = courtesies.find((index) => isGiven(words[index + 1])) ?? courtesies.pop() ?? -1;
  if (courtesyAt > 0) {
    const name = nameFrom(words.slice(courtesyAt + 1));
    if (name) return { name, role: words.slice(0, courtesyAt).join(' ') };
  }
  let start = words.findIndex(
    (word, index) => index > 0 && isGiven(word) && !COURTESY.test(words[index - 1]) && describes(words[index - 1]),
  );
  if (start === -1) start = words.findIndex((word, index) => index > 0 && isGiven(word));
  if (start === -1) start = words.findIndex((word) => !describes(word) && !COURTESY.test(word) && !NAME_END.test(word));
  if (start === -1) return { name: subject };
  // "الباحثة في معهد عصام فارس للسياسات العامة في الجامعة الأميركية في بيروت مارلين أبو سليمان": a
  // given name an institution governs is the institution's; the person's name ends the subject.
  if (
    start > 0 &&
    governsNext(words[start - 1]) &&
    words.length - start - nameFrom(words.slice(start)).split(' ').length >= 2
  ) {
    let tail = words.length - 1;
    while (tail > start && !describes(words[tail - 1]) && !/^(?:في|لدى)$/u.test(words[tail - 1])) tail -= 1;
    start = tail;
  }
  // "المبعوث الخاص لقضية الشرق الأوسط تشانغ وي مينغ": a complement of the role with ل (لقضية،
  // لعملية) and the definite words it governs are the role's; the name follows them.
  if (start > 0 && describes(words[start - 1]) && /^ل(?!ل)\p{L}{3,}/u.test(words[start]) && !isGiven(words[start])) {
    let next = start + 1;
    while (next < words.length - 1 && words[next].startsWith('ال')) next += 1;
    if (next > start + 1 && next < words.length && !describes(words[next]) && !NAME_END.test(words[next])) start = next;
  }
  // "عزة بنت سليمان الزدجالية": the given name before a nasab opens the name.
  while (start >= 2 && NASAB.test(words[start - 1]) && !describes(words[start - 2])) start -= 2;
  // "السفير الصيني لدى مصر لياو…": the place after لدى/في belongs to the role; so does the body after
  // باسم ("المتحدثة باسم يونيفيل كلوديا ماريني") and the word an indefinite role noun governs
  // ("رئيسة بلدية أنطاكيا جانان أوزتورك").
  while (
    start > 0 &&
    start < words.length - 1 &&
    (/^(?:لدى|في|باسم)$/u.test(words[start - 1]) || governsNext(words[start - 1])) &&
    !isGiven(words[start])
  )
    start += 1;
  const name = nameFrom(words.slice(start)).split(' ').filter(Boolean);
  const role = words
    .slice(0, start)
    .filter((word) => !COURTESY.test(word))
    .join(' ');
  const cleaned = name.filter((word, index) => index > 0 || !COURTESY.test(word));
  if (cleaned.length === 0) return { name: subject };
  return { name: cleaned.join(' '), ...(role ? { role } : {}) };
}

// A reporting verb, or the words of "بحسب ما قاله", is never part of a name ("وقال شوغايف").
const SAYING = /^(?:بحسب|حسب|وفق|وفقا|ما|قاله|قالته|ذكره|ذكرته|قول|حد)$/u;
const REPORTING = { test: (word: string) => isReportingVerb(word) || SAYING.test(word) };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = '[^\\s،,.:؛"«“»”()]+';

/** The fullest form the article gives a name: "لافروف" → "سيرغي لافروف", "باسل" → "باسل الخطيب". */
/**
 * "سالم الصباح" where the article introduced "سالم عبدالله الجابر الصباح": the given name and the
 * family name of a longer name the article wrote, the names between them left out.
 */
function withMiddleNames(name: string, article: string): string | undefined {
  const parts = name.split(' ');
  if (parts.length !== 2 || !isGiven(parts[0])) return undefined;
  const pattern = new RegExp(
    `(?<![\\p{L}])${escape(parts[0])}((?:\\s+${WORD}){1,3})\\s+${escape(parts[1])}(?![\\p{L}])`,
    'gu',
  );
  for (const match of article.matchAll(pattern)) {
    const middle = match[1].trim().split(/\s+/);
    const nameLike = middle.every(
      (word) => !NAME_END.test(word) && !REPORTING.test(word) && !isTitleWord(word) && !ROLE_NOUNS.has(word),
    );
    if (nameLike && middle.some((word) => isGiven(word) || NASAB.test(word) || word.startsWith('ال')))
      return `${parts[0]} ${middle.join(' ')} ${parts[1]}`;
  }
  return undefined;
}

export function fullerName(name: string, article: string): string {
  const middle = withMiddleNames(name, article);
  if (middle) return middle;
  const around = new RegExp(`((?:${WORD}\\s+){0,3})${escape(name)}((?:\\s+${WORD}){0,3})(?![\\p{L}])`, 'gu');
  let best = name;
  let bestRank = -1;
  for (const match of article.matchAll(around)) {
    const before = match[1].split(/\s+/).filter(Boolean);
    const after = match[2].split(/\s+/).filter(Boolean);
    // What stands right before the occurrence: a role, a courtesy, a comma of apposition.
    const at = (match.index ?? 0) + match[1].length;
    // "ميناء طنجة", "مطار محمد الخامس", "شارع الحمرا": a name a place noun governs is the place's.
    if (PLACE_NOUN.test(before[before.length - 1] ?? '')) continue;
    const lead = article.slice(Math.max(0, at - 60), at).trimEnd();
    // A sentence's end is no boundary of a name: "… المدنيين.\nويتوجه بلينكن" starts a new sentence.
    const boundaryOf = (text: string) => {
      const last = text.split(/\s+/).pop() ?? '';
      if (text === '' || /[.؟!]$/u.test(text)) return false;
      // "قالت هيلين ماركس": right after a reporting verb stands its subject.
      return /[،,(]$/u.test(text) || describes(last) || COURTESY.test(last) || isReportingVerb(last);
    };
    // A role or a courtesy title right before, not a mere comma: the article introduces the person there.
    const roleBefore = (text: string) => {
      const last = text.split(/\s+/).pop() ?? '';
      return !/[.؟!،,]$/u.test(text) && (describes(last) || COURTESY.test(last));
    };
    // Leftwards, for a surname alone: from the first given name of the run before it
    // ("أحمد كاظم الموسوي"), or the whole run when a role or a comma stands before it.
    const surnameOnly = !name.includes(' ') || /^(?:أبو|ابن|بن|آل|عبد|فان|دي|دير|دو)\s/u.test(name);
    const run: string[] = [];
    for (let index = before.length - 1; index >= 0 && run.length < 4; index -= 1) {
      const word = before[index];
      // "…، وفاطمة حسن البلوشي": a given name joined by و opens the name, and the run ends there.
      if (/^و\p{L}{2,}/u.test(word) && !isGiven(word) && isGiven(word.slice(1))) {
        run.unshift(word.slice(1));
        break;
      }
      // A verb before the name ("ويتوجه بلينكن") is the sentence, not a given name.
      // Before a lone given name, an imperfect verb is the sentence too ("تراقب ريما").
      const verb =
        ((/^[وف]/u.test(word) && (VERB_FORM.test(word) || IMPERFECT.test(word))) ||
          (IMPERFECT.test(word) && !name.includes(' ') && isGiven(name))) &&
        !isGiven(word);
      // A definite word inside a name: "عبد الكاظم", "فاطمة الزهراء" (after عبد/أبو or a given name).
      const inName = word.startsWith('ال') && (NASAB.test(before[index - 1] ?? '') || isGiven(before[index - 1] ?? ''));
      if ((describes(word) && !inName) || COURTESY.test(word) || NAME_END.test(word) || REPORTING.test(word) || verb)
        break;
      run.unshift(word);
    }
    // "رئيسة بلدية أنطاكيا جانان أوزتورك", "المتحدثة باسم يونيفيل كلوديا ماريني": the first word of
    // the run is what the role noun governs, or the body spoken for.
    const stoppedAt = before[before.length - 1 - run.length] ?? '';
    const governed = run.length >= 2 && (governsNext(stoppedAt) || stoppedAt === 'باسم') && !isGiven(run[0]);
    if (governed) run.shift();
    let givenAt = run.findIndex(isGiven);
    // "بدرية بنت سعيد الراشدية": the given name before a nasab belongs to the name.
    while (givenAt >= 2 && NASAB.test(run[givenAt - 1])) givenAt -= 2;
    const runStart = at - (run.length > 0 ? run.join(' ').length + 1 : 0);
    const runLead = article.slice(Math.max(0, runStart - 60), runStart).trimEnd();
    // A name of two words or more is lengthened leftwards only by a given name ("فاطمة ثابت شيبوب").
    const left = !surnameOnly
      ? givenAt >= 0 && run.length - givenAt <= 2
        ? run.slice(givenAt)
        : []
      : givenAt >= 0
        ? run.slice(givenAt)
        : run.length > 0 && run.length <= 3 && (governed || boundaryOf(runLead))
          ? run
          : [];
    // Rightwards: family names ("الخطيب", "بن سالم") until the sentence goes on.
    const right: string[] = [];
    // A definite surname ("الشناوي") ends a name: what follows it is the sentence ("يتفحص نموذجا").
    const endsDefinite = name.split(' ').pop()?.startsWith('ال') ?? false;
    for (const [position, word] of (endsDefinite ? [] : after).entries()) {
      const clean = word.replace(/[،,.:؛]+$/u, '');
      // "سيف الدين حمدي هدف التقدم": a verbal noun and its definite object go on with the sentence.
      const object = after[position + 1] ?? '';
      if (
        clean === word &&
        !isGiven(clean) &&
        !NASAB.test(clean) &&
        object.startsWith('ال') &&
        !COMPOUND_GIVEN.test(object) &&
        !NAME_END.test(object)
      )
        break;
      if (NAME_END.test(clean) || TITLE_WORDS.includes(clean) || ROLE_NOUNS.has(clean)) break;
      // A family name may be definite ("الخطيب"); "للصحفيين", "بالوزارة" go on with the sentence.
      if (describes(clean) && !clean.startsWith('ال')) break;
      // One definite family name; a second definite word ("الجولة الإقليمية") is the sentence.
      if (clean.startsWith('ال') && [name, ...right].some((part) => part.split(' ').some((w) => w.startsWith('ال'))))
        break;
      right.push(clean);
      if (clean !== word || right.length === 2) break;
    }
    const candidate = [...left, name, ...right].join(' ');
    // Rightwards only where the article introduces the person: after a role, a courtesy or a comma.
    const introduced = left.length > 0 || boundaryOf(lead) || isGiven(name);
    // A name of two words goes on rightwards only with a nasab or a given name ("نور عائشة عبد الرحمن").
    const chainsOn = right.length > 0 && (NASAB.test(right[0]) || isGiven(right[0]));
    const rightwards = right.length > 0 && introduced && (name.split(' ').length === 1 || chainsOn);
    if (left.length === 0 && !rightwards) continue;
    // How sure the longer form is: it opens with a given name ("ناصر كنعاني"), or follows a role or a
    // courtesy ("الأمريكي أنتوني بلينكن"), or only a comma ("…، وصف كنعاني"): the surer form wins, then the longer.
    const rank = isGiven(candidate.split(' ')[0]) ? 2 : roleBefore(left.length > 0 ? runLead : lead) ? 1 : 0;
    const longer = candidate.split(' ').length > best.split(' ').length;
    if (rank > bestRank || (rank === bestRank && longer)) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}

/** The last person the text names after a title with this stem ("وزير الخارجية فلان"), with the role. */
/** The name right before a comma at the end of `text`, when a given name or a courtesy opens it. */
function nameBefore(text: string): string | undefined {
  const trimmed = text.trimEnd();
  // "فلان، رئيسة…" sets the name off by a comma; "ومعالي فلان وزير…" opens it by a courtesy title.
  const comma = /[،,]$/u.test(trimmed);
  const words = (comma ? trimmed.slice(0, -1) : trimmed).trimEnd().split(/\s+/);
  const courtesy = (word: string) => COURTESY.test(word) || COURTESY.test(word.replace(/^[وف]/u, ''));
  const run: string[] = [];
  for (let index = words.length - 1; index >= 0 && run.length < 5; index -= 1) {
    const word = words[index];
    if (
      /[.،,:؛"«“»”()]/u.test(word) ||
      courtesy(word) ||
      isReportingVerb(word) ||
      (describes(word) && !word.startsWith('ال') && !isGiven(word))
    )
      break;
    run.unshift(word);
  }
  const opener = words[words.length - 1 - run.length] ?? '';
  if (run.length < 2 || !((comma && isGiven(run[0])) || courtesy(opener))) return undefined;
  return run.join(' ');
}

export function lastPersonTitled(stem: string, before: string): { name: string; role: string } | undefined {
  return peopleTitled(stem, before).pop();
}

/** Every person the text names after a title with this stem, in order, with the role. */
export function peopleTitled(stem: string, before: string): Array<{ name: string; role: string }> {
  const title = new RegExp(`(?<![\\p{L}])(?:و|ف|ب|ل)?(?:ال)?${escape(stem)}ة?(?![\\p{L}])`, 'gu');
  const found: Array<{ name: string; role: string }> = [];
  for (const match of before.matchAll(title)) {
    const from = (match.index ?? 0) + match[0].length;
    const sentence = before.slice(from).split(/[.:؟!\n"«“]/u)[0];
    const words: string[] = [match[0].replace(/^(?:و|ف|ب|ل)(?=ال)/u, '')];
    // The role and the name, commas of apposition aside, up to where the sentence goes on.
    const all = sentence.replace(/[،,]/gu, ' ').split(/\s+/).filter(Boolean);
    for (const [position, word] of all.entries()) {
      const rest = all.slice(position + 1);
      const inRole = /^(?:في|لدى|عن)$/u.test(word) && roleGoesOn([...words, word, ...rest.slice(0, 6)], words.length);
      if ((NAME_END.test(word) && !inRole) || words.length === 12) break;
      words.push(word);
    }
    // "فلان وزير الخارجية ومعالي فلان وزير …": a courtesy or a given name after و is the next person.
    const nextPerson = words.findIndex(
      (word, index) =>
        index > 0 && /^و\p{L}{2}/u.test(word) && (COURTESY.test(word.slice(1)) || isGiven(word.slice(1))),
    );
    if (nextPerson > 0) words.splice(nextPerson);
    const person = splitRoleAndName(words.join(' '));
    // "وزير الداخلية، السيد محمد العلوي الإدريسي، ونظيره": a name set off by commas is whole, though
    // the words alone would stop at its second family name.
    const set = /^[^،,]*[،,]\s*([^،,]{2,80})[،,]/u.exec(sentence);
    const whole = set ? apposedName(set[1].trim()) : undefined;
    if (whole && person.name && whole !== person.name && whole.startsWith(`${person.name} `)) person.name = whole;
    // "الوزير، لدى مخاطبته": a noun with its pronoun ("مخاطبته", "كلمتها") goes on with the sentence.
    const clause = /^\p{L}{2,}(?:ته|تها)$/u.test(person.name.split(' ')[0]);
    const named = person.role && person.name !== words.join(' ') && person.name.split(' ').length <= 5 && !clause;
    // "الدكتورة شيخة سالم الكتبي، رئيسة مجلس أمناء الجائزة": the name stands before the title.
    const apposed = nameBefore(before.slice(0, match.index ?? 0));
    if (apposed && !(named && person.name.split(' ').some(isGiven)))
      found.push({ name: apposed, role: words.join(' ') });
    else if (named) found.push({ name: person.name, role: person.role as string });
  }
  return found;
}

/** The role the article gives a person where it names them: "الرئيس الروسي" for "فلاديمير بوتين". */
export function roleOf(name: string, article: string): string | undefined {
  // "مدير الوكالة …، دميتري شوغايف،": the role may stand before a comma of apposition.
  const named = new RegExp(`([^.:؟!\\n،,]{0,120}?)(?:[،,]\\s*)?${escape(name)}(?![\\p{L}])`, 'gu');
  for (const match of article.matchAll(named)) {
    const words = match[1].split(/\s+/).filter(Boolean);
    let start = words.length;
    while (start > 0 && (describes(words[start - 1]) || /^(?:لدى|في)$/u.test(words[start - 2] ?? ''))) start -= 1;
    const titled = (word: string) => TITLE_WORDS.includes(word) || TITLE_WORDS.includes(word.replace(/^(?:و|ف)/u, ''));
    while (start < words.length && !titled(words[start])) start += 1;
    if (start < words.length) {
      const [first, ...rest] = words.slice(start);
      return [TITLE_WORDS.includes(first) ? first : first.replace(/^(?:و|ف)/u, ''), ...rest].join(' ');
    }
  }
  return undefined;
}

/**
 * The people an honorific ("سموه", "معاليها") may stand for, in order: those named after a courtesy
 * title, of the honorific's gender ("سعادتها" is never "سعادة السيد أحمد…"). A woman is known by a
 * feminine courtesy or title between the honorific and her name ("سعادة السيدة هند", "الوزيرة").
 */
export function peopleHonoured(before: string, feminine?: boolean, honorific?: string): string[] {
  const courtesy =
    /(?<![\p{L}])(صاحبة السمو|صاحب السمو|سمو|معالي|فخامة|جلالة|سعادة|دولة|سماحة)\s+((?:[^\s،,.:؛"«“»”()]+\s*){1,12})/gu;
  // "سعادته" stands for someone introduced as "سعادة …", "معاليه" for "معالي …": the same courtesy
  // first, any other only when none was given.
  const stem = honorific?.replace(/^(?:سمو|معالي|فخامت|جلالت|سعادت|دولت|سماحت|سيادت)\p{L}*$/u, (word) =>
    word.replace(/(?:ه|ها)$/u, '').replace(/ت$/u, 'ة'),
  );
  const found: Array<{ name: string; same: boolean }> = [];
  for (const match of before.matchAll(courtesy)) {
    const person = splitRoleAndName(match[2].trim());
    // "دولة قطر ماضية": the courtesy of a prime minister, or a state; only a name it opens is a person.
    if (match[1] === 'دولة' && !person.name.split(' ').some(isGiven)) continue;
    const titles = match[2]
      .trim()
      .split(/\s+/)
      .slice(0, Math.max(1, match[2].trim().split(/\s+/).indexOf(person.name.split(' ')[0])));
    const woman =
      /^صاحبة/u.test(match[0]) || titles.some((word) => /ة$/u.test(word) && (COURTESY.test(word) || isTitleWord(word)));
    if (feminine !== undefined && woman !== feminine) continue;
    if (person.name.split(' ').length <= 6)
      found.push({ name: person.name, same: stem !== undefined && match[1].endsWith(stem) });
  }
  const same = found.filter((person) => person.same);
  return (same.length > 0 ? same : found).map((person) => person.name);
}

/**
 * Whether a role runs on past words[index] (في, لدى, a word with لل…) to a name: the words before
 * are all role, and a name follows ("مديرة التربية في دمشق غادة الحلبي", "السفير الصيني لدى مصر لياو…").
 */
export function roleGoesOn(words: readonly string[], index: number): boolean {
  const givenAhead = words.slice(index + 1, index + 6).some(isGiven);
  // Only a role runs on: "الخطيب في ختام جولته" is a surname, then where he spoke.
  const titled = isTitleWord(words[0]);
  const courtesyAhead = words.slice(index + 1, index + 6).some((word) => COURTESY.test(word));
  if (index === 0 || !titled || !(words.slice(0, index).every(describes) || givenAhead || courtesyAhead)) return false;
  if (words[index] === 'لدى') return index < words.length - 1;
  const next = words[index + 1];
  if (!next) return false;
  return describes(next) || givenAhead || courtesyAhead;
}
