// RTL metadata: `lang` and `dir` are derived from the text when absent; a contradiction is refused.
import { resolveLanguage, type LanguageProblem } from '../rtl';
import { has, type Data } from './fields';
import { refuse } from './violation';

function languageRefusal(problem: LanguageProblem): never {
  if (problem.rule === 'invalid-language-tag') {
    refuse(
      problem.field,
      problem.rule,
      `"${problem.given}" is not a BCP 47 language tag such as "ar" or "ur".`,
      `"${problem.given}" ليس وسم لغة صالحًا مثل "ar" أو "ur".`,
    );
  }
  if (problem.rule === 'invalid-direction') {
    refuse(
      problem.field,
      problem.rule,
      `must be "rtl" or "ltr", not "${problem.given}".`,
      `يجب أن يكون "rtl" أو "ltr".`,
    );
  }
  refuse(
    problem.field,
    problem.rule,
    `"${problem.given}" contradicts the text, which is ${problem.expected}; leave it out to have it derived.`,
    `القيمة "${problem.given}" تخالف اتجاه النص أو لغته (${problem.expected})؛ اتركها فارغة لتُستنتج تلقائيًا.`,
  );
}

// Fill lang/dir from the text when a write touches the text or them; refuse a contradiction.
export function applyLanguage(data: Data, existing: Data | undefined, text: string, touched: boolean): void {
  if (!touched && !has(data, 'lang') && !has(data, 'dir')) return;
  const given = {
    lang: has(data, 'lang') ? data.lang : touched ? undefined : existing?.lang,
    dir: has(data, 'dir') ? data.dir : touched ? undefined : existing?.dir,
  };
  const resolved = resolveLanguage(text, given);
  if (resolved.problem) languageRefusal(resolved.problem);
  if (resolved.value) {
    data.lang = resolved.value.lang;
    data.dir = resolved.value.dir;
  }
}
