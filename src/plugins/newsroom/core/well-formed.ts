// What a request must be before Strapi reads it: text without NUL or lone surrogates, no keys that
// reach object prototypes, bounded nesting, and pagination that is a count. Pure: values in, the
// first problem (or null) out. Strapi answered several of these with a 500 or stored them mangled.

export interface InputProblem {
  /** Where it is: `body.data.title`, `query.pagination.page`. */
  field: string;
  rule: string;
  english: string;
  arabic: string;
}

/** Deeper than any filter, populate or body the newsroom's clients send; the admin uses < 10. */
export const MAX_DEPTH = 20;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(field: string, text: string): InputProblem | null {
  if (text.includes('\u0000')) {
    return {
      field,
      rule: 'nul-character',
      english: 'contains a NUL character (U+0000); remove it.',
      arabic: 'يحتوي على المحرف الفارغ U+0000؛ احذفه.',
    };
  }
  if (LONE_SURROGATE.test(text)) {
    return {
      field,
      rule: 'lone-surrogate',
      english: 'is not well-formed Unicode (a lone UTF-16 surrogate); send the text as valid UTF-8.',
      arabic: 'ليس نص يونيكود سليمًا (نصف محرف منفرد)؛ أرسل النص بترميز UTF-8 صحيح.',
    };
  }
  return null;
}

/** The first problem anywhere in a parsed body or query (keys and values), or null. */
export function inputProblem(value: unknown, field: string, depth = 0): InputProblem | null {
  if (typeof value === 'string') return textProblem(field, value);
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) {
    return {
      field,
      rule: 'too-deep',
      english: `nests deeper than ${MAX_DEPTH} levels; flatten the filters, populate or data.`,
      arabic: `التداخل أعمق من ${MAX_DEPTH} مستوى؛ بسّط المرشحات أو البيانات.`,
    };
  }
  for (const key of Object.keys(value)) {
    const at = Array.isArray(value) ? `${field}[${key}]` : `${field}.${key}`;
    if (PROTOTYPE_KEYS.has(key)) {
      return {
        field: at,
        rule: 'reserved-key',
        english: `"${key}" is not a field name.`,
        arabic: `"${key}" ليس اسم حقل.`,
      };
    }
    const problem = textProblem(at, key) ?? inputProblem((value as Record<string, unknown>)[key], at, depth + 1);
    if (problem) return problem;
  }
  return null;
}

const COUNT = /^\d{1,15}$/;
const PAGINATION_MINIMUM: Record<string, number> = { page: 1, pageSize: 1, start: 0, limit: 1 };

/**
 * Content API query parameters Strapi would otherwise silently ignore or clamp into a surprise:
 * `pagination` must be an object of counts, `status` draft or published.
 */
export function queryProblem(query: Record<string, unknown>): InputProblem | null {
  const { pagination, status } = query;
  if (status !== undefined && status !== 'draft' && status !== 'published') {
    return {
      field: 'query.status',
      rule: 'invalid-status',
      english: `must be "draft" or "published", not ${JSON.stringify(status)}.`,
      arabic: 'يجب أن تكون الحالة "draft" أو "published".',
    };
  }
  if (pagination === undefined) return null;
  if (pagination === null || typeof pagination !== 'object' || Array.isArray(pagination)) {
    return {
      field: 'query.pagination',
      rule: 'invalid-pagination',
      english: 'must be pagination[page] and pagination[pageSize], or pagination[start] and pagination[limit].',
      arabic: 'يجب تحديد رقم الصفحة وحجمها، أو البداية والعدد.',
    };
  }
  for (const [key, raw] of Object.entries(pagination)) {
    if (key === 'withCount') {
      if (!(['true', 'false', true, false] as unknown[]).includes(raw)) {
        return {
          field: 'query.pagination.withCount',
          rule: 'invalid-pagination',
          english: 'must be true or false.',
          arabic: 'يجب أن تكون true أو false.',
        };
      }
      continue;
    }
    const minimum = PAGINATION_MINIMUM[key];
    const number = typeof raw === 'string' && COUNT.test(raw) ? Number(raw) : Number.NaN;
    if (minimum === undefined || !(number >= minimum)) {
      return {
        field: `query.pagination.${key}`,
        rule: 'invalid-pagination',
        english:
          minimum === undefined
            ? 'is not a pagination parameter; use page, pageSize, start, limit or withCount.'
            : `must be a whole number of at least ${minimum}, not ${JSON.stringify(raw)}.`,
        arabic:
          minimum === undefined
            ? 'ليس من معاملات الترقيم؛ استخدم page أو pageSize أو start أو limit أو withCount.'
            : `يجب أن يكون عددًا صحيحًا لا يقل عن ${minimum}.`,
      };
    }
  }
  return null;
}

/** One line a client can act on, in English and Arabic. */
export function describeProblem(problem: InputProblem): string {
  return `${problem.field}: ${problem.english} — ${problem.arabic}`;
}

/**
 * A request path as Strapi's router matches it: letter case folded (the router ignores it),
 * percent-escapes decoded and repeated slashes folded, so a guard cannot be passed by spelling.
 */
export function canonicalPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is matched as written, like the router does.
  }
  return decoded.toLowerCase().replace(/\/{2,}/g, '/');
}

// The filter grammar Strapi's query builder accepts (`@strapi/database`, query/helpers/where.js).
// Strapi's own query validator checks field names and permissions but not this shape: an operator
// under an operator, `$and` that is not a list or `$between` with one value reached the database
// and answered 500.

/** What the grammar needs of one field: its type, and the type it leads to (relation, component). */
export interface FieldShape {
  type: string;
  target?: string;
}

/** The fields of a content type or component by its UID, or undefined when there is none. */
export type SchemaLookup = (uid: string) => Record<string, FieldShape> | undefined;

const GROUP_OPERATORS = new Set(['$and', '$or']);
const VALUE_OPERATORS = new Set([
  '$in',
  '$notIn',
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
]);
// Operators whose value Strapi casts to the column's type (a number column throws on "abc").
const CAST_OPERATORS = new Set(['$in', '$notIn', '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$between']);
const NUMBER_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal', 'increments']);
const LINK_TYPES = new Set(['relation', 'component', 'media']);
// Every content type has these columns without declaring them.
const IMPLICIT_FIELDS: Record<string, FieldShape> = { id: { type: 'increments' }, documentId: { type: 'string' } };
const FILTER_EXAMPLE = 'e.g. filters[title][$eq]=…, filters[$or][0][title][$contains]=…';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isLeaf = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const isNumeric = (value: unknown) =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));

function filterMistake(field: string, english: string, arabic: string): InputProblem {
  return { field, rule: 'invalid-filter', english, arabic };
}

/** The operand of one value operator ($eq, $in, $between, $null…) on a field of `type`. */
function operandProblem(operator: string, operand: unknown, type: string, field: string): InputProblem | null {
  if (operator === '$null' || operator === '$notNull') {
    return ['true', 'false', true, false].includes(operand as string)
      ? null
      : filterMistake(
          field,
          `must be true or false, not ${JSON.stringify(operand)}.`,
          'يجب أن تكون القيمة true أو false.',
        );
  }
  const values = Array.isArray(operand) ? operand : [operand];
  if (operator === '$between' && (!Array.isArray(operand) || operand.length !== 2)) {
    return filterMistake(
      field,
      'takes exactly two values, [$between][0]=…&[$between][1]=… (the lower and the upper bound).',
      'يأخذ قيمتين بالضبط: الحد الأدنى والحد الأعلى.',
    );
  }
  if (!values.every(isLeaf)) {
    return filterMistake(
      field,
      'must be a value or a list of values, not an object: an operator cannot take another operator.',
      'يجب أن تكون قيمة أو قائمة قيم، لا كائنًا: لا يأخذ المعامل معاملًا آخر.',
    );
  }
  if (
    NUMBER_TYPES.has(type) &&
    CAST_OPERATORS.has(operator) &&
    !values.every((value) => value === null || isNumeric(value))
  ) {
    return filterMistake(field, 'must be a number for this field.', 'يجب أن تكون القيمة رقمًا لهذا الحقل.');
  }
  return null;
}

/** The condition on one scalar field: a value, a list of values, or operators ($eq, $not…). */
function scalarConditionProblem(condition: unknown, type: string, field: string): InputProblem | null {
  if (!isRecord(condition)) return operandProblem('$eq', condition, type, field);
  for (const [key, value] of Object.entries(condition)) {
    const at = `${field}.${key}`;
    if (key === '$not') {
      const problem = scalarConditionProblem(value, type, at);
      if (problem) return problem;
    } else if (VALUE_OPERATORS.has(key)) {
      const problem = operandProblem(key, value, type, at);
      if (problem) return problem;
    } else {
      return filterMistake(
        at,
        key.startsWith('$')
          ? `"${key}" is not an operator for a field; use $eq, $ne, $in, $contains, $between, $null… (${FILTER_EXAMPLE}).`
          : `"${key}" cannot be reached from this field: it is not a relation or a component.`,
        key.startsWith('$') ? `"${key}" ليس معاملًا لحقل.` : `لا يمكن الوصول إلى "${key}" من هذا الحقل لأنه ليس علاقة.`,
      );
    }
  }
  return null;
}

/** The condition on a relation or component: an id, one operator on the id, or its own fields. */
function linkConditionProblem(
  condition: unknown,
  target: string,
  schema: SchemaLookup,
  field: string,
): InputProblem | null {
  if (!isRecord(condition)) return operandProblem('$eq', condition, 'increments', field);
  const keys = Object.keys(condition);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return whereProblem(condition, target, schema, field);
  if (operators.length !== keys.length || operators.length > 1) {
    return filterMistake(
      field,
      'takes either one operator ($eq, $in, $and…) or the related fields, not both nor several operators.',
      'يأخذ معاملًا واحدًا أو حقول العنصر المرتبط، لا الاثنين معًا ولا عدة معاملات.',
    );
  }
  const [operator] = operators;
  if (GROUP_OPERATORS.has(operator)) return whereProblem(condition, target, schema, field);
  if (operator === '$not') return linkConditionProblem(condition.$not, target, schema, `${field}.$not`);
  if (VALUE_OPERATORS.has(operator))
    return operandProblem(operator, condition[operator], 'increments', `${field}.${operator}`);
  return unknownOperator(`${field}.${operator}`, operator);
}

function unknownOperator(field: string, operator: string): InputProblem {
  return filterMistake(
    field,
    `"${operator}" is not a filter operator; use $eq, $ne, $in, $contains, $between, $null, $and, $or, $not… (${FILTER_EXAMPLE}).`,
    `"${operator}" ليس من معاملات التصفية.`,
  );
}

/** A where clause of the content type `uid`: its fields, and $and/$or lists and $not. */
function whereProblem(where: unknown, uid: string, schema: SchemaLookup, field: string): InputProblem | null {
  if (!isRecord(where)) {
    return filterMistake(
      field,
      `must be conditions on fields, not ${Array.isArray(where) ? 'a list' : 'a value'} (${FILTER_EXAMPLE}).`,
      'يجب أن تكون شروطًا على الحقول، لا قيمة أو قائمة.',
    );
  }
  const fields = schema(uid) ?? {};
  for (const [key, value] of Object.entries(where)) {
    const at = `${field}.${key}`;
    if (GROUP_OPERATORS.has(key)) {
      if (!Array.isArray(value)) {
        return filterMistake(
          at,
          `must be a list of conditions: [${key}][0][<field>]=…&[${key}][1][<field>]=….`,
          'يجب أن يكون قائمة من الشروط.',
        );
      }
      for (const [index, condition] of value.entries()) {
        const problem = whereProblem(condition, uid, schema, `${at}[${index}]`);
        if (problem) return problem;
      }
    } else if (key === '$not') {
      const problem = whereProblem(value, uid, schema, at);
      if (problem) return problem;
    } else if (key.startsWith('$')) {
      if (!VALUE_OPERATORS.has(key)) return unknownOperator(at, key);
      return filterMistake(
        at,
        `"${key}" applies to a field: filters[<field>][${key}]=…; only $and, $or and $not stand on their own.`,
        `"${key}" يطبق على حقل؛ وحدها $and و$or و$not تأتي مستقلة.`,
      );
    } else {
      const shape = fields[key] ?? IMPLICIT_FIELDS[key];
      if (!shape) {
        return filterMistake(at, `"${key}" is not a field of this type.`, `"${key}" ليس حقلًا في هذا النوع.`);
      }
      const problem =
        LINK_TYPES.has(shape.type) && shape.target
          ? linkConditionProblem(value, shape.target, schema, at)
          : shape.type === 'dynamiczone'
            ? filterMistake(at, 'cannot be filtered on (a dynamic zone).', 'لا يمكن التصفية على منطقة ديناميكية.')
            : scalarConditionProblem(value, shape.type, at);
      if (problem) return problem;
    }
  }
  return null;
}

/** The filters of a populated relation or component, at any depth of `populate`. */
function populateProblem(populate: unknown, uid: string, schema: SchemaLookup, field: string): InputProblem | null {
  if (!isRecord(populate)) return null;
  const fields = schema(uid) ?? {};
  for (const [key, value] of Object.entries(populate)) {
    const target = fields[key]?.target;
    if (!target || !isRecord(value)) continue;
    const at = `${field}.${key}`;
    const problem =
      (value.filters === undefined ? null : whereProblem(value.filters, target, schema, `${at}.filters`)) ??
      populateProblem(value.populate, target, schema, `${at}.populate`);
    if (problem) return problem;
  }
  return null;
}

/** Names in `fields` (a comma-separated string or a list): none empty, none an object. */
function fieldsProblem(fields: unknown): InputProblem | null {
  const names = typeof fields === 'string' ? fields.split(',') : Array.isArray(fields) ? fields : [fields];
  if (names.every((name) => typeof name === 'string' && name.trim() !== '')) return null;
  return {
    field: 'query.fields',
    rule: 'invalid-fields',
    english: 'must name fields: fields=title,slug or fields[0]=title, with no empty name.',
    arabic: 'يجب أن يسمي حقولًا، دون اسم فارغ.',
  };
}

/**
 * The content API query of the type `uid`: filters in the grammar Strapi's query builder accepts
 * (also inside populate), field names that are names, a search that is text.
 */
export function typedQueryProblem(
  query: Record<string, unknown>,
  uid: string,
  schema: SchemaLookup,
): InputProblem | null {
  const { filters, populate, fields, _q: search } = query;
  if (search !== undefined && typeof search !== 'string') {
    return {
      field: 'query._q',
      rule: 'invalid-search',
      english: 'must be text: _q=words.',
      arabic: 'يجب أن يكون نص البحث نصًا.',
    };
  }
  if (fields !== undefined) {
    const problem = fieldsProblem(fields);
    if (problem) return problem;
  }
  return (
    (filters === undefined ? null : whereProblem(filters, uid, schema, 'query.filters')) ??
    populateProblem(populate, uid, schema, 'query.populate')
  );
}
