// A refused write and how a rule words it: the field, the rule, English and Arabic.

export interface Violation {
  field: string;
  rule: string;
  message: string;
}

/** A refused write: the HTTP status to answer with and what was wrong, in English and Arabic. */
export class RuleViolation extends Error {
  constructor(
    readonly violations: Violation[],
    readonly status: 400 | 413 = 400,
  ) {
    super(violations.map((violation) => violation.message).join(' '));
    this.name = 'RuleViolation';
  }
}

/** Refuse a write: the field, the rule's name, and what was wrong in English and Arabic. */
export function refuse(field: string, rule: string, english: string, arabic: string, status: 400 | 413 = 400): never {
  throw new RuleViolation([{ field, rule, message: `${field}: ${english} — ${arabic}` }], status);
}
