// The benchmark measures what the rules cost by switching them off; production never may.

export const RULES_OFF_VARIABLE = 'NEWSROOM_BENCH_RULES_OFF';

/** True when the rules are switched off for a benchmark; throws if that is asked of production. */
export function rulesSwitchedOff(env: Record<string, string | undefined>): boolean {
  if (env[RULES_OFF_VARIABLE] !== 'true') return false;
  if (env.NODE_ENV === 'production') {
    throw new Error(`${RULES_OFF_VARIABLE}=true is a benchmark-only setting; a production start refuses it.`);
  }
  return true;
}
