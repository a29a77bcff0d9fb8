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
