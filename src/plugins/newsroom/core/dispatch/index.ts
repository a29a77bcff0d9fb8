// The dispatch parser: a wire agency's plain-text Arabic dispatch into an Article, its Quotes
// and the Sources it names. Pure: text and a gazetteer in, values out.
import { findDatelineDate } from '../arabic-dates';
import { aliasMatcher } from './agency-aliases';
import { closingAgency, readLeadDateline } from './lead-zone';
import { readDateline } from './read-dateline';
import { findOutletMentions, outletKey, OutletRegistry } from './outlets';
import { pairQuotations, type QuotationSpan } from './quotation-marks';
import { extractQuotes } from './quotes';
import { DispatchError, type KnownOutlet, type ParseOptions, type ParsedCredit, type ParsedDispatch } from './types';

export * from './types';
export { decodeDispatch, detectEncoding, type DispatchEncoding } from './decode';
export { WIRE_AGENCIES } from './agencies';

const NO_AGENCY =
  'No agency is named in the dateline, so the dispatch cannot be credited: write the agency at the head ' +
  'of the first paragraph ("City – Agency." or "(Publisher / Agency - 14 يونيو 2021ء)") and import it again. ' +
  '— لم يُذكر اسم وكالة في سطر الإسناد، فلا يمكن نسب الخبر إليها: اكتب الوكالة في أول الفقرة الأولى ثم أعد الاستيراد.';
export { outletKey } from './outlets';

interface QuoteUnit {
  text: string;
  offset: number;
  /** Its paired quotation marks. */
  quotations: QuotationSpan[];
}

/**
 * Paragraphs as quotations see them: one that leaves a quotation open is read with the next (up to
 * 3), joined by a space; a reopening mark at the head of the next one continues the quotation.
 */
function quoteUnits(paragraphs: readonly string[]): QuoteUnit[] {
  const units: QuoteUnit[] = [];
  let offset = 0;
  let pending: { text: string; offset: number; starts: number[] } | undefined;
  for (const paragraph of paragraphs) {
    pending = pending
      ? {
          text: `${pending.text} ${paragraph}`,
          offset: pending.offset,
          starts: [...pending.starts, pending.text.length + 1],
        }
      : { text: paragraph, offset, starts: [] };
    offset += paragraph.length + 1;
    const pairing = pairQuotations(pending.text, pending.starts);
    if (!pairing.open || pending.starts.length === 2) {
      units.push({ text: pending.text, offset: pending.offset, quotations: pairing.spans });
      pending = undefined;
    }
  }
  if (pending) {
    const { text, offset: start, starts } = pending;
    units.push({ text, offset: start, quotations: pairQuotations(text, starts).spans });
  }
  return units;
}

/** Parse a dispatch, or throw a DispatchError saying what an editor should fix. */
export function parseDispatch(
  raw: string,
  gazetteer: readonly KnownOutlet[] = [],
  options: ParseOptions = {},
): ParsedDispatch {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  if (lines.length < 2) {
    throw new DispatchError(
      'A dispatch needs a title line and at least one paragraph. — يحتاج الخبر إلى سطر عنوان وفقرة واحدة على الأقل.',
    );
  }
  const [title, ...afterTitle] = lines;
  const outlets = new OutletRegistry(gazetteer);
  const credits: ParsedCredit[] = [];

  const knownKeys = new Set(gazetteer.flatMap((outlet) => outlet.names.map(outletKey)));
  const matcher = aliasMatcher(gazetteer);
  // The agency table first: any alias of a known agency in a dateline-shaped place of the lead zone.
  const lead = readLeadDateline(afterTitle, matcher);
  const dateline = lead
    ? { ...lead, agencies: lead.agencies.map((agency) => agency.written) }
    : readDateline(afterTitle, (name) => knownKeys.has(outletKey(name)));
  const [first = '', ...rest] = afterTitle.slice(dateline.linesBefore);
  const firstParagraph = first.slice(dateline.length).trim();
  const addAgency = (written: string) => {
    const known = matcher.lookup(written);
    return known ? outlets.addKnown(known) : outlets.add(written, 'news-agency');
  };
  // The dateline lists distributors first and the originating agency last.
  let originator = dateline.agencies.pop();
  // No agency in the lead: the closing line may sign the dispatch ("/أ ش أ/", "--(بترا) ه ع").
  if (!originator) originator = closingAgency(afterTitle.slice(dateline.linesBefore + 1), matcher)?.written;
  if (!originator) throw new DispatchError(NO_AGENCY);
  credits.push({ outlet: addAgency(originator), role: 'originator' });
  for (const distributor of dateline.agencies.reverse()) {
    credits.unshift({ outlet: addAgency(distributor), role: 'distributor' });
  }
  if (dateline.agencies.length === 0 && options.houseDistributor) {
    credits.unshift({ outlet: outlets.addBySlug(options.houseDistributor, 'news-agency'), role: 'distributor' });
  }
  // Only the dateline's own date: a dateline with no year, or none, gives no date.
  const dispatchDate = lead ? lead.date : dateline.date ? findDatelineDate(dateline.date) : undefined;
  const paragraphs = [firstParagraph, ...rest].filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0)
    throw new DispatchError('The dispatch has a dateline but no text. — للخبر سطر إسناد ولا نص له.');

  const scans = quoteUnits(paragraphs).map(({ text, offset, quotations }) => ({
    text,
    offset,
    quotations,
    mentions: findOutletMentions(text, outlets, quotations),
  }));
  const quotes = extractQuotes(scans, paragraphs.join('\n'));
  return {
    title,
    ...(dateline.city ? { city: dateline.city } : {}),
    ...(dateline.byline ? { byline: dateline.byline } : {}),
    dispatchDate,
    paragraphs,
    outlets: outlets.list(),
    credits,
    quotes,
  };
}
