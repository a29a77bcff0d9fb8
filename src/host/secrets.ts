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

// Words people type as secrets, compared after leet folding (P@ssw0rd → password); they lower the
// estimate below rather than refuse outright, so random base64 that happens to spell one passes.
export const COMMON_SECRET_WORDS = [
  'password',
  'passwd',
  'letmein',
  'qwerty',
  'strapi',
  'welcome',
  'admin',
  'secret',
  'changeme',
  'default',
  'example',
  'master',
  'monkey',
  'dragon',
  'login',
  'iloveyou',
  'sunshine',
  'princess',
  'trustno',
  'hello',
  'freedom',
  'whatever',
  'shadow',
  'superman',
  'newsroom',
  'token',
] as const;

// Runs people type: the alphabet, digits and the keyboard's rows, read either way.
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '!@#$%^&*()'];
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'l',
  '!': 'i',
  '3': 'e',
  '5': 's',
  $: 's',
  '7': 't',
};
const MIN_RUN = 4;
const LONGEST_WORD = Math.max(...COMMON_SECRET_WORDS.map((word) => word.length));
/** Below this many estimated bits a secret is guessable; random hex of 16 characters has 64. */
export const SECRET_MIN_ESTIMATED_BITS = 40;

// "1" stands for "l" or "i": both readings are folded.
const fold = (value: string, one: 'l' | 'i') =>
  [...value.toLowerCase()].map((character) => (character === '1' ? one : (LEET[character] ?? character)));

/** Bits per character of a random string over the kinds of characters the value uses. */
function bitsPerRandomCharacter(value: string): number {
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 4;
  let pool = 0;
  if (/[a-z]/.test(value)) pool += 26;
  if (/[A-Z]/.test(value)) pool += 26;
  if (/[0-9]/.test(value)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(value)) pool += 33;
  return Math.log2(Math.max(pool, 2));
}

/** Whether `text` runs along one of SEQUENCES, forwards or backwards. */
function isRun(text: string): boolean {
  return SEQUENCES.some((sequence) => sequence.includes(text) || [...sequence].reverse().join('').includes(text));
}

export type PredictablePart = 'run' | 'repeat' | 'word' | 'echo';

/**
 * An estimate of how many guesses (in bits) a value costs an attacker who tries runs (abcd, 4321,
 * qwerty), repeated characters, common words (leet-speak folded) and repeats of an earlier part
 * (strapistrapi) before random characters: the cheapest reading of the value, part by part.
 */
export function estimatedBits(value: string): { bits: number; parts: PredictablePart[] } {
  const characters = [...value];
  const lower = characters.map((character) => character.toLowerCase());
  const folded = fold(value, 'l');
  const foldedI = fold(value, 'i');
  const perCharacter = bitsPerRandomCharacter(value);
  const length = characters.length;
  // best[i]: the cheapest reading of the first i characters.
  const best: Array<{ bits: number; parts: PredictablePart[] }> = [{ bits: 0, parts: [] }];
  for (let end = 1; end <= length; end += 1) {
    const previous = best[end - 1];
    let choice = { bits: previous.bits + perCharacter, parts: previous.parts };
    const consider = (start: number, bits: number, part: PredictablePart) => {
      const total = best[start].bits + bits;
      if (total < choice.bits) choice = { bits: total, parts: [...best[start].parts, part] };
    };
    // A run or a repeat ends in one of MIN_RUN characters; a word is at most as long as the longest.
    const tail = lower.slice(Math.max(0, end - MIN_RUN), end).join('');
    const tailRuns = tail.length === MIN_RUN && (isRun(tail) || new Set(tail).size === 1);
    for (let start = end - MIN_RUN; start >= 0 && (tailRuns || end - start <= LONGEST_WORD); start -= 1) {
      const span = end - start;
      const lowerText = lower.slice(start, end).join('');
      if (tailRuns && isRun(lowerText)) consider(start, Math.log2(SEQUENCES.length * 26 * 2) + Math.log2(span), 'run');
      if (tailRuns && new Set(lowerText).size === 1) consider(start, perCharacter + Math.log2(span), 'repeat');
      if (span <= LONGEST_WORD) {
        const words = COMMON_SECRET_WORDS as readonly string[];
        if (words.includes(folded.slice(start, end).join('')) || words.includes(foldedI.slice(start, end).join(''))) {
          consider(start, Math.log2(COMMON_SECRET_WORDS.length) + 2, 'word');
        }
      }
    }
    // A repeat of an earlier part (of 3+ characters): where it was and how long it is. A part that
    // was not seen before is not inside a longer one that was.
    for (let start = end - 3; start >= 3; start -= 1) {
      if (!folded.slice(0, start).join('').includes(folded.slice(start, end).join(''))) break;
      consider(start, Math.log2(start) + Math.log2(end - start), 'echo');
    }
    best.push(choice);
  }
  const { bits, parts } = best[length];
  return { bits, parts: [...new Set(parts)] };
}

const PART_NAMES: Record<PredictablePart, string> = {
  run: 'alphabet, digit or keyboard runs',
  repeat: 'repeated characters',
  word: 'common words',
  echo: 'repeats of itself',
};

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
  const { bits, parts } = estimatedBits(value);
  if (bits < SECRET_MIN_ESTIMATED_BITS) {
    const madeOf = parts.length > 0 ? `: it is mostly ${parts.map((part) => PART_NAMES[part]).join(' and ')}` : '';
    return `is too predictable (about ${Math.round(bits)} bits of guessing, fewer than ${SECRET_MIN_ESTIMATED_BITS}${madeOf})`;
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
  // The URL parser would drop them silently; a value that needed them is a copy-paste accident.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) {
    return `PUBLIC_URL contains a control character (a tab, a line break…): remove it; set it like https://news.example.org`;
  }
  if (value !== value.trim()) {
    return `PUBLIC_URL="${value}" has spaces before or after it: remove them; set it like https://news.example.org`;
  }
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

// Behind a proxy, the client's address is the one the proxies appended at the end of the forwarded
// chain: everything to its left was written by the client and must not identify it (the read
// queue's fair share is per address).
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Why PROXY_HOPS or PROXY_IP_HEADER cannot be used, in every environment. */
export function proxyProblems(env: Env): string[] {
  const problems: string[] = [];
  const hops = env.PROXY_HOPS;
  if (hops !== undefined && hops !== '' && !(/^\d{1,3}$/.test(hops.trim()) && Number(hops) >= 1)) {
    problems.push(
      `PROXY_HOPS="${hops}" must be a positive whole number: how many proxies in front of the server append ` +
        'to X-Forwarded-For (1 for one load balancer)',
    );
  }
  const header = env.PROXY_IP_HEADER;
  if (header !== undefined && header !== '' && !HEADER_NAME.test(header)) {
    problems.push(`PROXY_IP_HEADER="${header}" is not a header name; set it like X-Forwarded-For or CF-Connecting-IP`);
  }
  return problems;
}

/**
 * Strapi's `server.proxy` (5.52+): with IS_PROXIED, koa trusts the proxy's headers and `ctx.ip` is
 * the PROXY_HOPS-th address from the end of PROXY_IP_HEADER (default 1 and X-Forwarded-For).
 */
export function proxySettings(env: Env): { koa: boolean; maxIpsCount?: number; ipHeader?: string } {
  if (env.IS_PROXIED !== 'true') return { koa: false };
  const hops = env.PROXY_HOPS?.trim() ? Number(env.PROXY_HOPS) : 1;
  return { koa: true, maxIpsCount: hops, ipHeader: env.PROXY_IP_HEADER?.trim() || 'X-Forwarded-For' };
}

/** Every reason this environment must not start. */
export function startupProblems(env: Env): string[] {
  const problems = [...envAdminProblems(env), ...proxyProblems(env)];
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
