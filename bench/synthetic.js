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

module.exports = { syntheticArticle, words };
