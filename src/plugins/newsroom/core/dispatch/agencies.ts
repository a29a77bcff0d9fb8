// The wire agencies of the Arab world and the big international ones, as their dispatches name
// them: full names, short names and abbreviations (with and without dots), a Latin name (the
// Source's slug comes from it), a kind and a home page. The plugin's default `knownOutlets` starts
// with this table; a newsroom adds its own with the `additionalOutlets` option.
import type { KnownOutlet } from './types';

const agency = (nameLatin: string, url: string, names: string[]): KnownOutlet => ({
  names,
  nameLatin,
  kind: 'news-agency',
  url,
});

export const WIRE_AGENCIES: readonly KnownOutlet[] = [
  agency('Sputnik', 'https://sputniknews.com', ['سبوتنيك', 'سبوتنيك عربي', 'وكالة سبوتنيك']),
  agency('Pakistan Point News', 'https://www.pakistanpoint.com', ['پاکستان پوائنٹ نیوز', 'باكستان بوينت نيوز']),
  agency('SANA', 'https://sana.sy', ['سانا', 'الوكالة العربية السورية للأنباء', 'وكالة سانا', 'وكالة الأنباء السورية']),
  agency('MENA', 'https://www.mena.org.eg', ['أ ش أ', 'أ.ش.أ', 'وكالة أنباء الشرق الأوسط', 'أنباء الشرق الأوسط']),
  agency('SPA', 'https://www.spa.gov.sa', ['واس', 'وكالة الأنباء السعودية', 'وكالة واس']),
  agency('QNA', 'https://www.qna.org.qa', ['قنا', 'وكالة الأنباء القطرية', 'وكالة قنا']),
  agency('KUNA', 'https://www.kuna.net.kw', ['كونا', 'وكالة الأنباء الكويتية', 'وكالة كونا']),
  agency('WAM', 'https://www.wam.ae', ['وام', 'وكالة أنباء الإمارات', 'وكالة وام']),
  agency('Petra', 'https://petra.gov.jo', ['بترا', 'وكالة الأنباء الأردنية', 'وكالة بترا']),
  agency('MAP', 'https://www.mapexpress.ma', [
    'لاماب',
    'وكالة المغرب العربي للأنباء',
    'وكالة لاماب',
    'ومع',
    'و م ع',
    'و.م.ع',
  ]),
  agency('APS', 'https://www.aps.dz', ['واج', 'وكالة الأنباء الجزائرية', 'وكالة واج']),
  agency('TAP', 'https://www.tap.info.tn', ['وات', 'وكالة تونس إفريقيا للأنباء', 'وكالة تونس أفريقيا للأنباء']),
  agency('INA', 'https://www.ina.iq', ['واع', 'وكالة الأنباء العراقية', 'وكالة واع']),
  agency('WAFA', 'https://www.wafa.ps', ['وفا', 'وكالة الأنباء والمعلومات الفلسطينية', 'وكالة وفا']),
  agency('BNA', 'https://www.bna.bh', ['بنا', 'وكالة أنباء البحرين', 'وكالة بنا']),
  agency('ONA', 'https://omannews.gov.om', ['العمانية', 'العُمانية', 'وكالة الأنباء العمانية']),
  agency('SUNA', 'https://suna-sd.net', ['سونا', 'وكالة السودان للأنباء', 'وكالة سونا']),
  agency('Anadolu Agency', 'https://www.aa.com.tr', ['الأناضول', 'وكالة الأناضول', 'الاناضول']),
  agency('AFP', 'https://www.afp.com', ['أ ف ب', 'أ.ف.ب', 'فرانس برس', 'وكالة فرانس برس', 'وكالة الصحافة الفرنسية']),
  agency('Reuters', 'https://www.reuters.com', ['رويترز', 'وكالة رويترز']),
  agency('Associated Press', 'https://apnews.com', ['أ ب', 'أ.ب', 'أسوشيتد برس', 'أسوشييتد برس', 'وكالة أسوشيتد برس']),
  agency('Xinhua', 'https://english.news.cn', ['شينخوا', 'وكالة شينخوا', 'وكالة أنباء الصين الجديدة']),
  agency('RT', 'https://arabic.rt.com', ['آر تي', 'روسيا اليوم', 'RT']),
  {
    names: ['بي بي سي', 'بي بي سي عربي', 'هيئة الإذاعة البريطانية'],
    nameLatin: 'BBC',
    kind: 'broadcaster',
    url: 'https://www.bbc.com/arabic',
  },
  agency('DPA', 'https://www.dpa.com', ['د ب أ', 'د.ب.أ', 'الوكالة الألمانية', 'وكالة الأنباء الألمانية']),
  agency('IRNA', 'https://www.irna.ir', ['إرنا', 'ارنا', 'وكالة الجمهورية الإسلامية للأنباء']),
  agency('Bernama', 'https://www.bernama.com', ['برناما', 'وكالة الأنباء الماليزية', 'وكالة برناما']),
];

// The country a dateline puts in parentheses after the city ("درنة (ليبيا)", "أدري (تشاد)").
const COUNTRIES =
  'ليبيا تشاد مصر السودان سوريا سورية لبنان الأردن العراق اليمن فلسطين تونس الجزائر المغرب موريتانيا ' +
  'السعودية الكويت قطر البحرين الإمارات عمان سلطنة إيران تركيا روسيا الصين باكستان أفغانستان الهند ' +
  'بنغلاديش فرنسا ألمانيا بريطانيا إيطاليا إسبانيا أمريكا أميركا كندا البرازيل الأرجنتين المكسيك اليابان ' +
  'ماليزيا إندونيسيا الفلبين تايلاند فيتنام كوريا الصومال جيبوتي إثيوبيا إريتريا كينيا نيجيريا مالي ' +
  'النيجر السنغال أوكرانيا بولندا بلجيكا هولندا سويسرا النمسا اليونان قبرص أذربيجان أرمينيا جورجيا ' +
  'كازاخستان أوزبكستان طاجيكستان قرغيزستان تركمانستان سريلانكا نيبال أستراليا كشمير غزة الضفة';

/**
 * Words a dateline puts where an agency goes that name no agency: the newsroom's own reporters, and
 * a country in parentheses after the city.
 */
export const NOT_AN_AGENCY = new RegExp(
  `^(?:مراسل\\p{L}*|خاص|الموفد\\p{L}*|موفد\\p{L}*|المحرر|محرر\\p{L}*|مكتب\\p{L}*|وكالات|الوكالات|${COUNTRIES.split(' ').join('|')})$`,
  'u',
);
