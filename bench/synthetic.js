// Synthetic Arabic articles for the benchmark: six paragraphs, four quotes, Latin runs inside.
'use strict';

const WORDS = [
  'موسكو',
  'طهران',
  'التعاون',
  'العسكري',
  'المحادثات',
  'الوزير',
  'الحكومة',
  'الاتفاق',
  'الأمن',
  'الاقتصاد',
  'المنطقة',
  'الدولي',
  'البرنامج',
  'الشركاء',
  'الخطة',
  'الطاقة',
  'الحدود',
  'القمة',
  'المفاوضات',
  'الصحفيين',
];
const SPEAKERS = ['فلاديمير بوتين', 'حسن روحاني', 'دميتري شوغايف', 'ألكسندر فومين'];

function words(seed, count) {
  const out = [];
  for (let i = 0; i < count; i += 1) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return out.join(' ');
}

function syntheticArticle(index, credits) {
  const paragraphs = Array.from(
    { length: 6 },
    (_, p) => `<p>${words(index + p, 40)} NBC ${words(index * 3 + p, 20)}.</p>`,
  );
  return {
    article: {
      title: `${words(index, 6)} ${index}`,
      dispatchDate: `2021-06-${String((index % 28) + 1).padStart(2, '0')}`,
      body: paragraphs.join('\n'),
      credits,
    },
    quotes: SPEAKERS.map((speaker, q) => ({ text: words(index + q, 12), speaker, position: q + 1 })),
  };
}

// For the search benchmark: places, each in a tenth of the articles, written as an Arabic writer
// spells them (hamza, ta marbuta), which the search must also find by other spellings.
const PLACES = ['باكستان', 'إسلام آباد', 'كراتشي', 'لاهور', 'بيشاور', 'أنقرة', 'دمشق', 'بغداد', 'القاهرة', 'عمّان'];
// Letters for the digits of an article's own word: none an affix the stemmer strips (ا ت ن ه ي و).
const DIGIT_LETTERS = ['ب', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش'];

/** A made-up word found in article `index` only: ق, its digits as letters, ظ. */
function rareWord(index) {
  return `ق${[...String(index)].map((digit) => DIGIT_LETTERS[Number(digit)]).join('')}ظ`;
}

/**
 * A synthetic article for the search benchmark: syntheticArticle's, whose twenty words are in
 * every article, plus a paragraph with one of PLACES (a tenth of the articles each) and the
 * article's own rare word (rareWord(index), in that article only).
 */
function searchArticle(index, credits) {
  const { article, quotes } = syntheticArticle(index, credits);
  const place = PLACES[index % PLACES.length];
  return {
    article: { ...article, body: `${article.body}\n<p>${place} ${words(index * 5, 12)} ${rareWord(index)}.</p>` },
    quotes,
  };
}

module.exports = { syntheticArticle, searchArticle, rareWord, words, PLACES };
