// Whether a Quote waits for an editor to confirm its speaker (needsReview): the importer flags a
// speaker it could not name with confidence; a person's save confirms the speaker it saves.
import { has, type Data } from './fields';
import { refuse } from './violation';

/**
 * Who writes: the `importer` (and code of the host running outside any request) sets the flag as it
 * judged; an `editor` in the admin panel saves a speaker the editor has seen, so the flag clears; a
 * `client` of the content API (an API token, a signed-in reader) clears it too, unless it asks for
 * a review itself with `needsReview: true`.
 */
export type QuoteWriter = 'importer' | 'editor' | 'client';

/** The needsReview a create, update or clone of a Quote leaves, by who writes it. */
export function settleQuoteReview(input: Data, writer: QuoteWriter): Data {
  const data: Data = { ...input };
  const given = has(data, 'needsReview') ? data.needsReview : undefined;
  if (given !== undefined && given !== null && typeof given !== 'boolean') {
    refuse('needsReview', 'not-boolean', 'must be true or false.', 'يجب أن تكون القيمة true أو false.');
  }
  if (writer === 'editor') data.needsReview = false;
  else if (writer === 'client') data.needsReview = given === true;
  return data;
}
