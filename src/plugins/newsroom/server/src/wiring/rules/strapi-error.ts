// A refusal as the Strapi error that the REST API and the admin show with our message.
import { errors } from '../strapi-internals/strapi-errors';
import type { RuleViolation } from '../../../../core/rules';

/** A Strapi error that the REST API and the admin show as a 400 (or 413) with our message. */
export function toStrapiError(violation: RuleViolation): Error {
  const details = {
    field: violation.violations[0].field,
    rule: violation.violations[0].rule,
    errors: violation.violations.map(({ field, rule, message }) => ({
      path: [field],
      message,
      name: 'ValidationError',
      rule,
    })),
  };
  if (violation.status === 413) return new errors.PayloadTooLargeError(violation.message, details);
  return new errors.ValidationError(violation.message, details);
}
