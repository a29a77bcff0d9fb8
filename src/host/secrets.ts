// Start-up guards: production must not run on guessable secrets, without its public address, or
// with an admin made from the environment. Pure functions, so config/server.ts can refuse early.

const SECRET_VARIABLES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

type Env = Record<string, string | undefined>;

/** The only NODE_ENV values that skip the production guards; unset, "staging", "prod"… are production. */
export const GUARD_FREE_ENVIRONMENTS: readonly string[] = ['development', 'test'];

export function productionGuardsApply(nodeEnv: string | undefined): boolean {
  return !GUARD_FREE_ENVIRONMENTS.includes(nodeEnv ?? '');
}

export const SECRET_MIN_LENGTH = 16;
// Catches repeats (aaaa…, abab…, abcabc…) while random hex or base64 of 16+ characters passes.
export const SECRET_MIN_DISTINCT_CHARACTERS = 6;
export const SECRET_MIN_BITS_PER_CHARACTER = 2.25;

// Lower-case fragments of example and default values (this project's, Strapi's, common words). Each
// has a letter outside a-f, so a hex secret (scripts/ensure-env.js) can never contain one by chance.
export const KNOWN_DEFAULT_FRAGMENTS = [
  'change-me',
  'change_me',
  'changeme',
  'tobemodified',
  'secret',
  'password',
  'passwd',
  'admin',
  'example',
  'default',
  'placeholder',
  'replaceme',
  'qwerty',
] as const;

const HOW_TO_GENERATE = 'set a random value, e.g. `openssl rand -hex 32`';

/** Shannon entropy of the value's own character frequencies, in bits per character. */
export function bitsPerCharacter(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  const length = [...value].length;
  let bits = 0;
  for (const count of counts.values()) bits -= (count / length) * Math.log2(count / length);
  return bits;
}

/** Why one secret value is unsafe, or undefined when it is fine. */
export function secretWeakness(value: string | undefined): string | undefined {
  if (!value || value.trim() === '') return 'is missing';
  const lower = value.toLowerCase();
  const fragment = KNOWN_DEFAULT_FRAGMENTS.find((known) => lower.includes(known));
  if (fragment) return `contains the example/default value "${fragment}"`;
  const length = [...value].length;
  if (length < SECRET_MIN_LENGTH) return `is ${length} characters long, fewer than ${SECRET_MIN_LENGTH}`;
  const distinct = new Set(value).size;
  if (distinct < SECRET_MIN_DISTINCT_CHARACTERS || bitsPerCharacter(value) < SECRET_MIN_BITS_PER_CHARACTER) {
    return `is too predictable (${distinct} different characters, repeated)`;
  }
  return undefined;
}

/** What is wrong with one secret variable: the variable, what is wrong, what to do. */
function secretVariableProblems(name: string, value: string | undefined): string[] {
  if (name === 'APP_KEYS' && value && value.trim() !== '') {
    // Strapi signs cookies with every key of the comma-separated list: each must hold on its own.
    const keys = value.split(',');
    return keys.flatMap((key, index) => {
      const weakness = key.trim() === '' ? 'is empty' : secretWeakness(key.trim());
      return weakness ? [`APP_KEYS: key ${index + 1} of ${keys.length} ${weakness}; ${HOW_TO_GENERATE} per key`] : [];
    });
  }
  const weakness = secretWeakness(value);
  return weakness ? [`${name} ${weakness}; ${HOW_TO_GENERATE}`] : [];
}

/** One line per unsafe secret. */
export function secretProblems(env: Env): string[] {
  return SECRET_VARIABLES.flatMap((name) => secretVariableProblems(name, env[name]));
}

/** The names of the secret variables that are missing or weak. */
export function unsafeSecrets(env: Env): string[] {
  return SECRET_VARIABLES.filter((name) => secretVariableProblems(name, env[name]).length > 0);
}

/** Throws when production would run on missing or weak secrets; checks nothing else. */
export function refuseExampleSecrets(env: Env, nodeEnv: string | undefined): void {
  const problems = productionGuardsApply(nodeEnv) ? secretProblems(env) : [];
  if (problems.length > 0) {
    throw new Error(`Refusing to start in production:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Why PUBLIC_URL cannot serve as the newsroom's public address, or undefined when it can. */
export function publicUrlProblem(value: string | undefined): string | undefined {
  const why = 'feed links must name the address readers use, never the Host header of a request';
  if (!value || value.trim() === '') return `PUBLIC_URL is not set: ${why}; set PUBLIC_URL=https://news.example.org`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `PUBLIC_URL="${value}" is not an absolute URL: ${why}; set it like https://news.example.org`;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    return `PUBLIC_URL="${value}" must be an http(s) URL with a host: ${why}; set it like https://news.example.org`;
  }
  return undefined;
}

export const ADMIN_EMAIL_VARIABLE = 'NEWSROOM_ADMIN_EMAIL';
export const ADMIN_PASSWORD_VARIABLE = 'NEWSROOM_ADMIN_PASSWORD';
export const ALLOW_ENV_ADMIN_VARIABLE = 'NEWSROOM_ALLOW_ENV_ADMIN';

/** What an admin password lacks under Strapi's own rule, or undefined when it passes. */
export function adminPasswordProblem(password: string): string | undefined {
  const missing: string[] = [];
  if ([...password].length < 8) missing.push('at least 8 characters');
  if (!/[a-z]/.test(password)) missing.push('a lower-case letter');
  if (!/[A-Z]/.test(password)) missing.push('an upper-case letter');
  if (!/\d/.test(password)) missing.push('a digit');
  if (Buffer.byteLength(password, 'utf8') > 72) missing.push('at most 72 bytes');
  return missing.length > 0 ? `needs ${missing.join(', ')} (Strapi's rule for admin passwords)` : undefined;
}

/** Problems with the demo admin made from NEWSROOM_ADMIN_EMAIL/NEWSROOM_ADMIN_PASSWORD. */
export function envAdminProblems(env: Env): string[] {
  const email = env[ADMIN_EMAIL_VARIABLE];
  const password = env[ADMIN_PASSWORD_VARIABLE];
  if (!email && !password) return [];
  const problems: string[] = [];
  if (!email || !password) {
    const missing = email ? ADMIN_PASSWORD_VARIABLE : ADMIN_EMAIL_VARIABLE;
    problems.push(
      `${missing} is not set: the demo admin needs ${ADMIN_EMAIL_VARIABLE} and ${ADMIN_PASSWORD_VARIABLE} together, or neither`,
    );
  }
  const weakness = password ? adminPasswordProblem(password) : undefined;
  if (weakness) problems.push(`${ADMIN_PASSWORD_VARIABLE} is too weak: it ${weakness}; choose a stronger one`);
  if (productionGuardsApply(env.NODE_ENV) && env[ALLOW_ENV_ADMIN_VARIABLE] !== 'true') {
    problems.push(
      `${ADMIN_EMAIL_VARIABLE}/${ADMIN_PASSWORD_VARIABLE} create an admin from the environment, which is for demos ` +
        `and tests: unset them and create the first admin at /admin (or set ${ALLOW_ENV_ADMIN_VARIABLE}=true if you mean it)`,
    );
  }
  return problems;
}

/** Every reason this environment must not start. */
export function startupProblems(env: Env): string[] {
  const problems = [...envAdminProblems(env)];
  if (productionGuardsApply(env.NODE_ENV)) {
    problems.push(...secretProblems(env));
    const urlProblem = publicUrlProblem(env.PUBLIC_URL);
    if (urlProblem) problems.push(urlProblem);
  }
  return problems;
}

/** Throws one error listing every problem, so a deploy is fixed in one round. */
export function refuseUnsafeStartup(env: Env): void {
  const problems = startupProblems(env);
  if (problems.length === 0) return;
  const guarded = productionGuardsApply(env.NODE_ENV);
  const nodeEnv = env.NODE_ENV ? `NODE_ENV is "${env.NODE_ENV}"` : 'NODE_ENV is unset';
  const counts = guarded && env.NODE_ENV !== 'production' ? ', which counts as production' : '';
  const hint = guarded
    ? ' (only "development" and "test" skip these checks; `npm start` sets NODE_ENV=production when it is unset)'
    : '';
  throw new Error(
    `Refusing to start: ${nodeEnv}${counts}${hint}.\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n` +
      'See README, "Running in production".',
  );
}

export { SECRET_VARIABLES };
