// The dispatch parser: a wire agency's plain-text Arabic dispatch into an Article, its Quotes
// and the Sources it names. Pure: text and a gazetteer in, values out.
import { findArabicDate } from '../arabic-dates';
import { readDateline } from './read-dateline';
import { findOutletMentions, OutletRegistry } from './outlets';
import { extractQuotes } from './quotes';
import { DispatchError, type KnownOutlet, type ParseOptions, type ParsedCredit, type ParsedDispatch } from './types';

export * from './types';
export { outletKey } from './outlets';

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
    throw new DispatchError('A dispatch needs a title line and at least one paragraph.');
  }
  const [title, first, ...rest] = lines;
  const outlets = new OutletRegistry(gazetteer);
  const credits: ParsedCredit[] = [];

  const dateline = readDateline(first);
  const firstParagraph = first.slice(dateline.length).trim();
  // The dateline lists distributors first and the originating agency last.
  const originator = dateline.agencies.pop();
  if (originator) credits.push({ outlet: outlets.add(originator, 'news-agency'), role: 'originator' });
  for (const distributor of dateline.agencies.reverse()) {
    credits.unshift({ outlet: outlets.add(distributor, 'news-agency'), role: 'distributor' });
  }
  if (originator && dateline.agencies.length === 0 && options.houseDistributor) {
    credits.unshift({ outlet: outlets.addBySlug(options.houseDistributor, 'news-agency'), role: 'distributor' });
  }
  const dispatchDate = (dateline.date ? findArabicDate(dateline.date) : undefined) ?? findArabicDate(firstParagraph);
  const paragraphs = [firstParagraph, ...rest].filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) throw new DispatchError('The dispatch has a dateline but no text.');

  const scans = paragraphs.map((text) => ({ text, mentions: findOutletMentions(text, outlets) }));
  const quotes = extractQuotes(scans, paragraphs.join('\n'));
  return {
    title,
    ...(dateline.city ? { city: dateline.city } : {}),
    dispatchDate,
    paragraphs,
    outlets: outlets.list(),
    credits,
    quotes,
  };
}
