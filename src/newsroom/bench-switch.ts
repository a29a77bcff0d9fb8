// The benchmark measures what the rules cost by switching them off; production never may.
import { productionGuardsApply } from './secrets';

export const RULES_OFF_VARIABLE = 'NEWSROOM_BENCH_RULES_OFF';

/** Why this environment may not switch the rules off, or undefined when it may (or does not ask). */
export function benchSwitchProblem(env: Record<string, string | undefined>): string | undefined {
  if (env[RULES_OFF_VARIABLE] !== 'true' || !productionGuardsApply(env.NODE_ENV)) return undefined;
  return (
    `${RULES_OFF_VARIABLE}=true is a benchmark-only setting and a production start refuses it: unset it ` +
    '(npm run bench starts its own servers with NODE_ENV=test)'
  );
}

/** True when the rules are switched off for a benchmark; throws if that is asked of production. */
export function rulesSwitchedOff(env: Record<string, string | undefined>): boolean {
  const problem = benchSwitchProblem(env);
  if (problem) throw new Error(problem);
  return env[RULES_OFF_VARIABLE] === 'true';
}
