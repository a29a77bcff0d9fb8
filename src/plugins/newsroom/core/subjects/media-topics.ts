// The 17 top-level IPTC Media Topics (https://cv.iptc.org/newscodes/mediatopic/), the subjects a
// newsroom starts with: the code is the topic's URI, the Latin name IPTC's English label, the
// slug its ASCII form (what `?subject=` takes), the name the Arabic label editors and readers see.
export const MEDIA_TOPIC_BASE = 'http://cv.iptc.org/newscodes/mediatopic/';

export interface MediaTopic {
  code: string;
  name: string;
  nameLatin: string;
  slug: string;
}

const TOPICS: Array<[string, string, string, string]> = [
  [
    '01000000',
    'فنون وثقافة وترفيه وإعلام',
    'arts, culture, entertainment and media',
    'arts-culture-entertainment-and-media',
  ],
  ['02000000', 'جريمة وقانون وعدالة', 'crime, law and justice', 'crime-law-and-justice'],
  [
    '03000000',
    'كوارث وحوادث وطوارئ',
    'disaster, accident and emergency incident',
    'disaster-accident-and-emergency-incident',
  ],
  ['04000000', 'اقتصاد وأعمال ومال', 'economy, business and finance', 'economy-business-and-finance'],
  ['05000000', 'تعليم', 'education', 'education'],
  ['06000000', 'بيئة', 'environment', 'environment'],
  ['07000000', 'صحة', 'health', 'health'],
  ['08000000', 'اهتمامات إنسانية', 'human interest', 'human-interest'],
  ['09000000', 'عمل وعمال', 'labour', 'labour'],
  ['10000000', 'أسلوب حياة وترفيه', 'lifestyle and leisure', 'lifestyle-and-leisure'],
  ['11000000', 'سياسة', 'politics', 'politics'],
  ['12000000', 'دين', 'religion', 'religion'],
  ['13000000', 'علوم وتكنولوجيا', 'science and technology', 'science-and-technology'],
  ['14000000', 'مجتمع', 'society', 'society'],
  ['15000000', 'رياضة', 'sport', 'sport'],
  ['16000000', 'نزاعات وحرب وسلام', 'conflict, war and peace', 'conflict-war-and-peace'],
  ['17000000', 'طقس', 'weather', 'weather'],
];

export const MEDIA_TOPICS: readonly MediaTopic[] = TOPICS.map(([number, name, nameLatin, slug]) => ({
  code: `${MEDIA_TOPIC_BASE}${number}`,
  name,
  nameLatin,
  slug,
}));
