// The newsroom's write rules for Article, Quote and Source, one rule a file, applied to the data
// of one write. Pure: incoming data and the stored document in, cleaned data out, or a RuleViolation.
export { RuleViolation, type Violation } from './violation';
export type { NewsroomConfig, WriteContext } from './config';
export { prepareArticle } from './article';
export { prepareQuote } from './quote';
export { settleQuoteReview, type QuoteWriter } from './quote-review';
export { prepareSource } from './source';
export { prepareSubject } from './subject';
export { applyPicture, assertPictureDescribed } from './picture';
export { assertTitled } from './title';
export { assertAttribution } from './attribution';
export { refuseDeletingCreditedSource } from './source-deletion';
