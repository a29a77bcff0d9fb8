// The plugin's options (server/src/config): the validator names each wrong option, and a list the
// host sets replaces the default list instead of being merged into it index by index.
import config, { DEFAULT_OPTIONS, optionProblems, outletGazetteer, withDefaultLists } from '../../server/src/config';
import { parseDispatch } from '#core/dispatch';
import { clashingTypes } from '../../server/src/utils/route-clash';

// What Strapi does with a host's options (core/dist/loaders/plugins/index.js, applyUserConfig).
const fp = require('lodash/fp');
const asStrapiMerges = (host: Record<string, unknown>) => fp.defaultsDeep(config.default, host);
const validate = (host: Record<string, unknown>) => () => config.validator(asStrapiMerges(host));

test('the defaults are valid and give the two agencies of the seed dispatch', () => {
  expect(optionProblems(DEFAULT_OPTIONS as unknown as Record<string, unknown>)).toEqual([]);
  expect(() => config.validator(asStrapiMerges({}))).not.toThrow();
  expect(withDefaultLists(asStrapiMerges({})).requiredAgencies).toEqual(['sputnik', 'pakistan-point-news']);
  expect(withDefaultLists(asStrapiMerges({})).seedDispatches).toBeNull();
});

test('a list the host sets replaces the default list', () => {
  const options = withDefaultLists(asStrapiMerges({ requiredAgencies: ['afp'], knownOutlets: [] }));
  expect(options.requiredAgencies).toEqual(['afp']);
  expect(options.knownOutlets).toEqual([]);
  expect(withDefaultLists(asStrapiMerges({ requiredAgencies: [] })).requiredAgencies).toEqual([]);
});

test.each([
  [{ requiredAgencies: 'sputnik' }, /requiredAgencies must be a list of Source slugs/],
  [{ requiredAgencies: ['Sputnik News'] }, /requiredAgencies must be a list of Source slugs/],
  [{ houseDistributor: 'Pakistan Point' }, /houseDistributor must be a Source slug/],
  [{ maxBodyBytes: 0 }, /maxBodyBytes must be a whole number/],
  [{ seedDispatches: '' }, /seedDispatches must be a folder/],
  [{ publicRead: 'yes' }, /publicRead must be true or false/],
  [{ readQueue: { concurrency: 0 } }, /readQueue\.concurrency must be a whole number, at least 1/],
  [{ readQueue: { maxWaitingPerClient: 0 } }, /readQueue\.maxWaitingPerClient/],
  [{ feed: { publisherUrl: 'javascript:alert(1)' } }, /feed\.publisherUrl must be an http\(s\) URL/],
  [{ feed: { language: 'Arabic' } }, /feed\.language must be a language tag/],
  [{ knownOutlets: [{ names: [], nameLatin: 'X', kind: 'news-agency' }] }, /knownOutlets\[0\]\.names/],
  [{ knownOutlets: [{ names: ['س'], nameLatin: 'X', kind: 'agency' }] }, /knownOutlets\[0\]\.kind must be one of/],
  [
    { additionalOutlets: [{ names: ['س'], nameLatin: 'X', kind: 'agency' }] },
    /additionalOutlets\[0\]\.kind must be one of/,
  ],
  [{ additionalOutlets: 'AMI' }, /additionalOutlets must be a list/],
  [{ requiredAgency: ['sputnik'] }, /unknown option requiredAgency/],
])('%j is refused, naming the option', (host, message) => {
  expect(validate(host)).toThrow(message);
  expect(validate(host)).toThrow(/^newsroom: /);
});

test('additionalOutlets extend the agency table, looked up first, without repeating it', () => {
  const agency = { names: ['الوكالة الموريتانية للأنباء', 'وما'], nameLatin: 'AMI', kind: 'news-agency' as const };
  const options = withDefaultLists(asStrapiMerges({ additionalOutlets: [agency] }));
  const gazetteer = outletGazetteer(options);
  expect(gazetteer[0]).toEqual(agency);
  expect(gazetteer.map((outlet) => outlet.nameLatin)).toEqual(
    expect.arrayContaining(['AMI', 'SANA', 'Reuters', 'Sputnik']),
  );
  const parsed = parseDispatch('عنوان\n\nنواكشوط (وما) - نص الخبر في 3 مارس 2024.', gazetteer);
  expect(parsed.outlets.find((outlet) => outlet.nameLatin === 'AMI')).toMatchObject({ slug: 'ami' });
});

describe('an app type on one of the newsroom REST paths', () => {
  const ours = [{ uid: '', info: { singularName: 'article', pluralName: 'articles' } }];
  test('is named, whichever of its names clashes', () => {
    expect(
      clashingTypes(
        [
          { uid: 'api::article.article', info: { singularName: 'article', pluralName: 'articles' } },
          { uid: 'api::post.post', info: { singularName: 'post', pluralName: 'articles' } },
          { uid: 'api::page.page', info: { singularName: 'page', pluralName: 'pages' } },
          { uid: 'plugin::newsroom.article', info: { singularName: 'article', pluralName: 'articles' } },
          { uid: 'plugin::blog.article', info: { singularName: 'article', pluralName: 'articles' } },
        ],
        ours,
      ),
    ).toEqual(['api::article.article', 'api::post.post']);
  });
});
