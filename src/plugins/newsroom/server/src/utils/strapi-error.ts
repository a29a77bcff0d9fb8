// A refusal as the Strapi error that the REST API and the admin show with our message.
import { errors } from './strapi-internals/strapi-errors';
import type { RuleViolation } from '#core/rules';
import { displayed, type MessageLanguage } from '#core/rules/violation';

/**
 * A Strapi error that the REST API and the admin show as a 400 (or 413) with our message: in
 * `language` alone for an editor in the admin (isolated for display), in English and Arabic for
 * everyone else. Each field's error also carries the two languages apart in `messages`.
 */
export function toStrapiError(violation: RuleViolation, language?: MessageLanguage): Error {
  const details = {
    field: violation.violations[0].field,
    rule: violation.violations[0].rule,
    errors: violation.violations.map((each) => ({
      path: [each.field],
      message: language ? displayed(each, language) : each.message,
      name: 'ValidationError',
      rule: each.rule,
      messages: each.messages,
    })),
  };
  const message = language ? violation.messageIn(language) : violation.message;
  if (violation.status === 413) return new errors.PayloadTooLargeError(message, details);
  return new errors.ValidationError(message, details);
}
