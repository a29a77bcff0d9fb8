// Quotation marks a dispatch may use: straight, guillemets and curly (also written the wrong way
// round, ”…“). Shared by the outlet and quotation readers, so both see the same spans.
//
// Marks are paired, not matched by a pattern: a quotation may hold another ("…«…»…", «…"…"…»,
// “…"…"…”) and its text then keeps the inner marks; a straight mark opens or closes by what touches
// it (glued to the word after it: opens; to the word before: closes), so the text between two
// quotations is never taken for one; a quotation that runs on into the next paragraph, reopened
// there with a mark as newspapers do, is one quotation.

export interface QuotationSpan {
  /** Where the opening mark is. */
  start: number;
  /** Just past the closing mark. */
  end: number;
  /** The words between the marks, inner marks kept, a paragraph's reopening mark left out. */
  text: string;
}

export interface QuotationPairing {
  /** The outermost quotations, in order (those inside another are part of its text). */
  spans: QuotationSpan[];
  /** A quotation is still open at the end of the text: it runs on into the next paragraph. */
  open: boolean;
}

// A quotation is opened by «, “, " or (written the wrong way round) ”.
type Opening = '«' | '“' | '”' | '"';
const MARKS = /["«»“”]/gu;

// What may stand right before an opening mark, and right after a closing one.
const BEFORE_OPENING = /[\s([{«“":،,؛;—–\-/ـ]/u;
const AFTER_CLOSING = /[\s.،,؛;:!?؟)\]}»”“—–\-…]/u;
// One-letter words glued to what follows them: و"…", ب"…", ل"…".
const PROCLITIC = /[وفبلك]/u;

interface Open {
  mark: Opening;
  start: number;
  /** Quotations closed inside this one: its text, unless it never closes. */
  inner: QuotationSpan[];
}

/** Whether a mark at `at` reads as an opening (glued to what follows) or a closing (to what precedes). */
function touching(text: string, at: number): { opens: boolean; closes: boolean } {
  const before = text[at - 1];
  const after = text[at + 1];
  const opens =
    before === undefined ||
    BEFORE_OPENING.test(before) ||
    (PROCLITIC.test(before) && (at < 2 || /[\s(]/u.test(text[at - 2])));
  const closes = after === undefined || AFTER_CLOSING.test(after);
  return { opens, closes };
}

/**
 * Pair the quotation marks of `text`. `paragraphStarts` are the offsets where a paragraph joined to
 * the one before begins: an opening mark there, while a quotation is open, continues it.
 */
export function pairQuotations(text: string, paragraphStarts: readonly number[] = []): QuotationPairing {
  const stack: Open[] = [];
  const spans: QuotationSpan[] = [];
  const reopenings = new Set<number>();
  const starts = new Set(paragraphStarts);

  const words = (from: number, to: number) => {
    let result = '';
    let at = from;
    for (const skip of [...reopenings].filter((index) => index >= from && index < to).sort((a, b) => a - b)) {
      result += text.slice(at, skip);
      at = skip + 1;
    }
    return result + text.slice(at, to);
  };
  const closeAt = (depth: number, at: number) => {
    const [closed] = stack.splice(depth);
    const span = { start: closed.start, end: at + 1, text: words(closed.start + 1, at) };
    if (stack.length === 0) spans.push(span);
    else stack[stack.length - 1].inner.push(span);
  };
  const openDepth = (mark: Opening) => stack.map((entry) => entry.mark).lastIndexOf(mark);

  for (const found of text.matchAll(MARKS)) {
    const at = found.index ?? 0;
    const mark = found[0];
    const { opens, closes } = touching(text, at);
    // "…نص الفقرة الأولى" then «"…بقية الاقتباس"»: the newspaper's reopening mark continues it.
    if (starts.has(at) && stack.length > 0 && mark !== '»' && !(closes && !opens)) {
      reopenings.add(at);
      continue;
    }
    if (mark === '«') {
      stack.push({ mark, start: at, inner: [] });
    } else if (mark === '»') {
      const depth = openDepth('«');
      if (depth !== -1) closeAt(depth, at);
    } else if (mark === '"') {
      // With none open it opens, even spaced from its word (أن" انتهاء…"); with one open it closes
      // unless it is glued to the word after it and not the one before: then a quotation inside.
      const depth = openDepth('"');
      if (depth !== -1 && (closes || !opens)) closeAt(depth, at);
      else stack.push({ mark, start: at, inner: [] });
    } else {
      // Curly marks: “…” as they should be, ”…“ as some keyboards write them in Arabic.
      const other = mark === '“' ? '”' : '“';
      const depth = openDepth(other as Opening);
      if (depth !== -1 && (closes || !opens)) closeAt(depth, at);
      else if (opens || !closes) stack.push({ mark: mark as Opening, start: at, inner: [] });
    }
  }
  // A quotation that never closes holds nothing sure: the quotations closed inside it stand alone.
  for (const unclosed of stack) spans.push(...unclosed.inner);
  spans.sort((a, b) => a.start - b.start);
  return { spans, open: stack.length > 0 };
}
