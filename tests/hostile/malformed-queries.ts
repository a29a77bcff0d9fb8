// Generated malformed query strings for the content API's list endpoints: filters (operators under
// operators, logical operators with the wrong shape, wrong arity, unknown operators, relations,
// components, unknown fields, deep nesting, arrays for objects and back), sort, fields, populate and
// pagination. Each is a request a client may send; the answer must be a 4xx (or a 200 when Strapi
// reads it as a valid query), never a 5xx.

export interface QueryCase {
  /** The collection's path: /api/articles… */
  path: string;
  /** The query string, without "?", brackets unencoded as clients write them. */
  query: string;
}

interface Collection {
  path: string;
  /** A string field, a date or number field, an enumeration. */
  text: string;
  other: string;
  enumeration: string;
  /** Relations (to one and to many) and components. */
  relations: string[];
  components: string[];
  /** A scalar field of the related type, to reach through a relation. */
  relatedField: string;
}

const COLLECTIONS: Collection[] = [
  {
    path: '/api/articles',
    text: 'title',
    other: 'dispatchDate',
    enumeration: 'dir',
    relations: ['quotes'],
    components: ['credits'],
    relatedField: 'speaker',
  },
  {
    path: '/api/quotes',
    text: 'speaker',
    other: 'position',
    enumeration: 'dir',
    relations: ['venue', 'article'],
    components: [],
    relatedField: 'slug',
  },
  {
    path: '/api/sources',
    text: 'name',
    other: 'kind',
    enumeration: 'dir',
    relations: [],
    components: [],
    relatedField: 'name',
  },
];

const ATTRIBUTE_OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$endsWith',
  '$null',
  '$notNull',
  '$between',
];
const LOGICAL_OPERATORS = ['$and', '$or', '$not'];
const UNKNOWN_OPERATORS = ['$regex', '$where', '$raw', '$exists', '$like', '$foo', '$', '$$eq', '$EQ'];

const e = encodeURIComponent;

/** Every generated case, for every collection. */
export function malformedQueries(): QueryCase[] {
  return COLLECTIONS.flatMap((collection) => casesFor(collection).map((query) => ({ path: collection.path, query })));
}

function casesFor(c: Collection): string[] {
  const f = c.text;
  const cases: string[] = [];
  const add = (...queries: string[]) => cases.push(...queries);

  // Operators nested under operators: an operator's value must be a value, not another operator.
  for (const outer of ATTRIBUTE_OPERATORS) {
    for (const inner of ['$ne', '$eq', '$in', '$null', '$and', '$foo']) add(`filters[${f}][${outer}][${inner}]=x`);
    add(`filters[${f}][${outer}][0][$eq]=x`, `filters[${f}][${outer}][a][b]=x`);
  }
  // Logical operators with a value that is not an array of objects (or an object, for $not).
  for (const logical of LOGICAL_OPERATORS) {
    add(
      `filters[${logical}]=x`,
      `filters[${logical}]=`,
      `filters[${logical}][0]=x`,
      `filters[${logical}][0][0]=x`,
      `filters[${logical}][0][${f}]=x`,
      `filters[${logical}][0][${f}][$eq]=x`,
      `filters[${logical}][${f}][$eq]=x`,
      `filters[${logical}][$eq]=x`,
      `filters[${logical}][0][$eq]=x`,
      `filters[${logical}][0][$and]=x`,
      `filters[${logical}][0][bogus][$eq]=x`,
      `filters[${f}][${logical}]=x`,
      `filters[${f}][${logical}][0]=x`,
      `filters[${f}][${logical}][0][$eq]=x`,
      `filters[${f}][${logical}][$eq]=x`,
      `filters[${logical}][${logical}]=x`,
    );
  }
  // Wrong arity or type for the operators that take lists.
  for (const field of [f, c.other, 'id', 'createdAt']) {
    add(
      `filters[${field}][$between]=a`,
      `filters[${field}][$between][0]=a`,
      `filters[${field}][$between][0]=a&filters[${field}][$between][1]=b&filters[${field}][$between][2]=c`,
      `filters[${field}][$between][a]=1&filters[${field}][$between][b]=2`,
      `filters[${field}][$between][0][0]=a&filters[${field}][$between][1]=b`,
      `filters[${field}][$in][a]=1`,
      `filters[${field}][$in][0][a]=1`,
      `filters[${field}][$notIn][a]=1`,
      `filters[${field}][$notIn][0][0]=1`,
      `filters[${field}][$in]=`,
      `filters[${field}][$eq][0]=a&filters[${field}][$eq][1]=b`,
      `filters[${field}][$lt][0]=1`,
    );
  }
  // $null / $notNull with values that are not booleans.
  for (const operator of ['$null', '$notNull']) {
    for (const value of ['maybe', '2', '', 'null', '-1']) add(`filters[${f}][${operator}]=${e(value)}`);
    add(`filters[${f}][${operator}][0]=true`, `filters[${f}][${operator}][a]=true`);
  }
  // Unknown operators, at the top and under a field.
  for (const unknown of UNKNOWN_OPERATORS) {
    add(`filters[${e(unknown)}]=x`, `filters[${f}][${e(unknown)}]=x`, `filters[${e(unknown)}][${f}]=x`);
  }
  // Relations and components as if they were scalars, and fields that do not exist.
  for (const relation of [...c.relations, ...c.components]) {
    add(
      `filters[${relation}]=x`,
      `filters[${relation}][$eq]=x`,
      `filters[${relation}][$in][0]=1`,
      `filters[${relation}][$null]=true`,
      `filters[${relation}][$between][0]=1`,
      `filters[${relation}][bogus]=x`,
      `filters[${relation}][bogus][$eq]=x`,
      `filters[${relation}][${c.relatedField}]=x`,
      `filters[${relation}][${c.relatedField}][$eq][$ne]=x`,
      `filters[${relation}][${c.relatedField}][$between]=a`,
      `filters[${relation}][$and]=x`,
      `filters[${relation}][0]=x`,
      `filters[${relation}][id][$in][a]=1`,
    );
  }
  add(
    'filters[bogus]=x',
    'filters[bogus][$eq]=x',
    'filters[bogus][bogus][$eq]=x',
    `filters[${f}][bogus]=x`,
    `filters[${f}][bogus][$eq]=x`,
    `filters[${f}][${c.other}]=x`,
    'filters[createdBy][id][$eq]=1',
    'filters[createdBy][password][$startsWith]=a',
    'filters[localizations][id]=1',
  );
  // Deep nesting, within the request guard's 20 levels.
  add(
    'filters' + '[$and][0]'.repeat(8) + `[${f}][$eq]=x`,
    'filters' + '[$or][0][$not]'.repeat(5) + `[${f}]=x`,
    'filters' + '[$not]'.repeat(15) + `[${f}]=x`,
    'filters' + '[$and][0]'.repeat(8) + '=x',
  );
  if (c.relations.length > 0) {
    const [first] = c.relations;
    add(`filters` + `[${first}]`.repeat(10) + '[id]=1', `filters[${first}][${first}][${first}][$eq]=x`);
  }
  // Arrays where objects belong, and objects where values belong.
  add(
    'filters=x',
    'filters=',
    'filters[]=x',
    'filters[0]=x',
    `filters[0][${f}]=x`,
    `filters[${f}][]=x`,
    `filters[${f}][0]=x`,
    `filters[${f}][0]=a&filters[${f}][1]=b`,
    `filters[${f}][0][0]=x`,
    `filters[${f}]=`,
  );
  // Values of the wrong type for the column.
  add(
    `filters[${c.other}][$eq]=not-a-value`,
    `filters[${c.other}][$gt]=abc`,
    'filters[id][$eq]=abc',
    'filters[id][$gt]=1e999',
    'filters[id][$in][0]=abc',
    `filters[${c.enumeration}][$eq]=sideways`,
    'filters[createdAt][$lt]=not-a-date',
    'filters[publishedAt][$null]=maybe',
    'filters[documentId][$eq][0][0]=x',
  );
  // Sort.
  add(
    'sort=bogus',
    'sort=bogus:asc',
    `sort=${f}:sideways`,
    `sort=${f}:asc:desc`,
    `sort[${f}]=asc`,
    `sort[${f}]=sideways`,
    `sort[${f}][0]=asc`,
    `sort[0][${f}]=asc`,
    `sort[0][${f}]=sideways`,
    `sort[0][0]=${f}`,
    'sort[$and]=asc',
    'sort=',
    'sort[]=',
    `sort=${e(`${f}, ,`)}`,
    `sort[${f}][$eq]=x`,
    ...[...c.relations, ...c.components].flatMap((relation) => [
      `sort=${relation}`,
      `sort=${relation}:asc`,
      `sort=${relation}.${c.relatedField}`,
      `sort=${relation}.bogus`,
      `sort[${relation}][${c.relatedField}]=asc`,
      `sort[${relation}]=asc`,
    ]),
  );
  // Fields.
  add(
    'fields=bogus',
    'fields[0]=bogus',
    `fields[${f}]=x`,
    `fields[0][0]=${f}`,
    `fields=${f},`,
    'fields=',
    'fields[]=',
    `fields[0]=${f}&fields[1]=bogus`,
    'fields[$and]=x',
    ...[...c.relations, ...c.components].map((relation) => `fields[0]=${relation}`),
  );
  // Populate.
  add(
    'populate=bogus',
    'populate[bogus]=*',
    `populate[${f}]=*`,
    `populate=${f}`,
    'populate[0][0]=x',
    'populate=**',
    'populate=',
    'populate[]=',
    'populate[$and]=x',
    'populate[*][populate]=*',
    'populate=*&populate[0]=x',
  );
  for (const relation of [...c.relations, ...c.components]) {
    add(
      `populate=${relation}.bogus`,
      `populate[${relation}]=x`,
      `populate[${relation}][populate][bogus]=*`,
      `populate[${relation}][filters][$and]=x`,
      `populate[${relation}][filters][bogus][$eq]=1`,
      `populate[${relation}][filters][${c.relatedField}][$eq][$ne]=x`,
      `populate[${relation}][filters][${c.relatedField}][$between]=a`,
      `populate[${relation}][filters][${c.relatedField}][$null]=maybe`,
      `populate[${relation}][sort]=bogus`,
      `populate[${relation}][sort][0][bogus]=asc`,
      `populate[${relation}][fields][0]=bogus`,
      `populate[${relation}][fields]=x`,
      `populate[${relation}][on]=x`,
      `populate[${relation}][count]=maybe`,
      `populate[${relation}][bogus]=x`,
      `populate[${relation}][populate]=x`,
      `populate[${relation}][populate][0][0]=x`,
      `populate[${relation}][filters]=x`,
      `populate[${relation}][filters][0]=x`,
      `populate[${relation}]` + '[populate][*]'.repeat(6) + '=*',
    );
  }
  // Pagination.
  add(
    'pagination[page]=0',
    'pagination[page]=-1',
    'pagination[page]=x',
    'pagination[pageSize]=0',
    'pagination[pageSize]=1e9',
    'pagination[page]=99999999999999999999',
    'pagination[start]=-1',
    'pagination[limit]=x',
    'pagination=5',
    'pagination[]=5',
    'pagination[page][x]=1',
    'pagination[page][0]=1',
    'pagination[page]=1&pagination[start]=0',
    'pagination[withCount]=maybe',
    'pagination[bogus]=1',
  );
  // Other parameters.
  add('status=x', 'status[0]=draft', 'locale[$eq]=x', 'locale[0]=x', '_q[0]=x', '_q[$eq]=x', 'publicationState=x');
  return cases;
}
