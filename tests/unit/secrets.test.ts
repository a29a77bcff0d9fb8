// The start-up guards as pure functions: which environments they cover, which secrets, URLs and
// demo admins they refuse, and that what scripts/ensure-env.js generates always passes.
import {
  adminPasswordProblem,
  envAdminProblems,
  estimatedBits,
  SECRET_MIN_ESTIMATED_BITS,
  KNOWN_DEFAULT_FRAGMENTS,
  productionGuardsApply,
  proxyProblems,
  proxySettings,
  publicUrlProblem,
  refuseExampleSecrets,
  refuseUnsafeStartup,
  secretProblems,
  secretWeakness,
  SECRET_VARIABLES,
  startupProblems,
  unsafeSecrets,
} from '../../src/host/secrets';

const { generatedEnv } = require('../../scripts/ensure-env.js') as { generatedEnv: () => string[] };

const STRONG = 'f3a9c1e07b5d4a2896e1c0b7d3f5a8e2';
const strongSecrets = (): Record<string, string> =>
  Object.fromEntries(SECRET_VARIABLES.map((name) => [name, name === 'APP_KEYS' ? `${STRONG},${STRONG}9` : STRONG]));
const production = (extra: Record<string, string | undefined> = {}) => ({
  ...strongSecrets(),
  PUBLIC_URL: 'https://news.example.org',
  ...extra,
});

describe('which environments the production guards cover', () => {
  test.each([undefined, '', 'production', 'Production', 'prod', 'staging', 'benchmark', 'Development', ' test'])(
    'NODE_ENV=%p counts as production',
    (nodeEnv) => expect(productionGuardsApply(nodeEnv)).toBe(true),
  );
  test.each(['development', 'test'])('NODE_ENV=%p skips them', (nodeEnv) =>
    expect(productionGuardsApply(nodeEnv)).toBe(false),
  );
});

describe('secrets', () => {
  test.each([
    [undefined, /missing/],
    ['', /missing/],
    ['   ', /missing/],
    ['CHANGEME', /"changeme"/],
    ['secret', /"secret"/],
    ['change-me', /"change-me"/],
    ['toBeModified', /"tobemodified"/],
    ['tobemodified1', /"tobemodified"/],
    ['My-Password-2024-Prod-Key', /"password"/],
    ['xx-ADMIN-xx-9f8e7d6c5b4a', /"admin"/],
    ['a-long-but-Secret-value-1234', /"secret"/],
    ['9f8e7d6c5b4a3', /13 characters long, fewer than 16/],
    ['aaaaaaaaaaaaaaaaaaaa', /predictable \(1 different/],
    ['abababababababababababab', /predictable \(2 different/],
    ['abcabcabcabcabcabcabcabc', /predictable/],
    ['1111222233334444', /predictable/],
  ])('%p is refused', (value, reason) => {
    expect(secretWeakness(value)).toMatch(reason);
  });

  test.each([STRONG, 'Zq7#vL2@pX9!mR4$', 'kV2dK1mXn9Qp8rTz3wYb6sHc'])('%p passes', (value) => {
    expect(secretWeakness(value)).toBeUndefined();
  });

  test('each variable is named, with what to do', () => {
    const problems = secretProblems({ ...strongSecrets(), ADMIN_JWT_SECRET: 'secret', JWT_SECRET: undefined });
    expect(problems).toEqual([
      expect.stringMatching(/^ADMIN_JWT_SECRET contains the example\/default value "secret"; set a random value/),
      expect.stringMatching(/^JWT_SECRET is missing; set a random value, e\.g\. `openssl rand -hex 32`/),
    ]);
  });

  test('every key of APP_KEYS is checked on its own', () => {
    expect(secretProblems({ ...strongSecrets(), APP_KEYS: `${STRONG},CHANGEME` })).toEqual([
      expect.stringMatching(/^APP_KEYS: key 2 of 2 contains the example\/default value "changeme"/),
    ]);
    expect(secretProblems({ ...strongSecrets(), APP_KEYS: `${STRONG},,${STRONG}0` })).toEqual([
      expect.stringMatching(/^APP_KEYS: key 2 of 3 is empty/),
    ]);
    expect(secretProblems({ ...strongSecrets(), APP_KEYS: `short,${STRONG}` })).toEqual([
      expect.stringMatching(/^APP_KEYS: key 1 of 2 is 5 characters long/),
    ]);
  });

  test('the .env.example values are all refused', () => {
    const example = {
      APP_KEYS: 'change-me-1,change-me-2',
      API_TOKEN_SALT: 'change-me',
      ADMIN_JWT_SECRET: 'change-me',
      TRANSFER_TOKEN_SALT: 'change-me',
      JWT_SECRET: 'change-me',
      ENCRYPTION_KEY: 'change-me',
    };
    expect(secretProblems(example)).toHaveLength(7);
  });

  test('what scripts/ensure-env.js generates always passes', () => {
    for (let round = 0; round < 500; round += 1) {
      const env = Object.fromEntries(
        generatedEnv()
          .filter((line) => !line.startsWith('#'))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      expect(secretProblems(env)).toEqual([]);
    }
  });

  test('no known default can appear in a hex secret by chance', () => {
    for (const fragment of KNOWN_DEFAULT_FRAGMENTS) expect(fragment).toMatch(/[^0-9a-f]/);
  });
});

describe('predictable secrets: runs, repeats, common words, leet speak', () => {
  test.each([
    ['1234567890123456', /runs/],
    ['P@ssw0rdP@ssw0rd', /common words/],
    ['strapistrapistrapi', /common words and repeats of itself/],
    ['abcdefghijklmnop', /alphabet, digit or keyboard runs/],
    ['letmein123456789', /common words and alphabet, digit or keyboard runs/],
    ['9876543210987654', /runs/],
    ['asdfghjklzxcvbnm1', /keyboard runs/],
    ['zyxwvutsrqponmlkj', /runs/],
    ['W3lc0meW3lc0me2024', /common words/],
    ['l3tm31n-adm1n-w3lc0me', /common words/],
    ['n3wsr00mN3WSR00M', /common words and repeats of itself/],
  ])('%p is refused as too predictable', (value, parts) => {
    expect(estimatedBits(value).bits).toBeLessThan(SECRET_MIN_ESTIMATED_BITS);
    expect(secretWeakness(value)).toMatch(
      /^is too predictable \(about \d+ bits of guessing, fewer than 40: it is mostly /,
    );
    expect(secretWeakness(value)).toMatch(parts);
  });

  // Seeded, so a run is repeatable: the bytes stand for `openssl rand` output (xorshift32).
  function seededBytes(seed: number): (count: number) => Buffer {
    let state = seed;
    return (count) => {
      const bytes = Buffer.alloc(count);
      for (let index = 0; index < count; index += 1) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        bytes[index] = state & 0xff;
      }
      return bytes;
    };
  }

  test.each([
    ['hex of 8 bytes (16 characters)', (bytes: Buffer) => bytes.toString('hex'), 8],
    ['openssl rand -hex 16', (bytes: Buffer) => bytes.toString('hex'), 16],
    ['openssl rand -hex 32', (bytes: Buffer) => bytes.toString('hex'), 32],
    ['openssl rand -base64 12 (16 characters)', (bytes: Buffer) => bytes.toString('base64'), 12],
    ['openssl rand -base64 24', (bytes: Buffer) => bytes.toString('base64'), 24],
    ['openssl rand -base64 32', (bytes: Buffer) => bytes.toString('base64'), 32],
  ])('2,000 random secrets, %s, all pass', (_kind, format, size) => {
    const random = seededBytes(0x9e3779b9 ^ size);
    const refused: string[] = [];
    let lowest = Infinity;
    for (let index = 0; index < 2000; index += 1) {
      const value = format(random(size));
      lowest = Math.min(lowest, estimatedBits(value).bits);
      if (secretWeakness(value)) refused.push(`${value}: ${secretWeakness(value)}`);
    }
    expect(refused).toEqual([]);
    expect(lowest).toBeGreaterThanOrEqual(SECRET_MIN_ESTIMATED_BITS);
  });
});

describe('behind a proxy: PROXY_HOPS and PROXY_IP_HEADER', () => {
  test('IS_PROXIED=true reads one address from the end of X-Forwarded-For unless told otherwise', () => {
    expect(proxySettings({ IS_PROXIED: 'true' })).toEqual({ koa: true, maxIpsCount: 1, ipHeader: 'X-Forwarded-For' });
    expect(proxySettings({ IS_PROXIED: 'true', PROXY_HOPS: '2', PROXY_IP_HEADER: 'CF-Connecting-IP' })).toEqual({
      koa: true,
      maxIpsCount: 2,
      ipHeader: 'CF-Connecting-IP',
    });
  });
  test.each([{}, { IS_PROXIED: 'false', PROXY_HOPS: '2' }, { IS_PROXIED: 'TRUE' }])(
    '%j trusts no forwarded header',
    (env) => expect(proxySettings(env)).toEqual({ koa: false }),
  );
  test.each(['0', '-1', '1.5', 'one', '1e2', 'true', '9999'])(
    'PROXY_HOPS=%p is refused at start in every environment',
    (hops) => {
      expect(proxyProblems({ PROXY_HOPS: hops })).toEqual([
        expect.stringMatching(/^PROXY_HOPS=".*" must be a positive whole number: how many proxies/),
      ]);
      expect(startupProblems({ NODE_ENV: 'development', IS_PROXIED: 'true', PROXY_HOPS: hops })).toHaveLength(1);
    },
  );
  test.each(['1', '2', ' 3 ', ''])('PROXY_HOPS=%p passes', (hops) =>
    expect(proxyProblems({ PROXY_HOPS: hops })).toEqual([]),
  );
  test('PROXY_IP_HEADER must be a header name', () => {
    expect(proxyProblems({ PROXY_IP_HEADER: 'X-Real-IP' })).toEqual([]);
    expect(proxyProblems({ PROXY_IP_HEADER: 'X Forwarded: For' })).toEqual([
      expect.stringMatching(/^PROXY_IP_HEADER=.* is not a header name/),
    ]);
  });
});

describe('PUBLIC_URL', () => {
  test.each([undefined, '', '  '])('%p is refused, saying why', (value) => {
    expect(publicUrlProblem(value)).toMatch(/^PUBLIC_URL is not set: feed links .* never the Host header/);
  });
  test.each(['news.example.org', '/feeds', 'ftp://news.example.org', 'javascript:alert(1)', 'https://'])(
    '%p is refused',
    (value) => expect(publicUrlProblem(value)).toMatch(/^PUBLIC_URL=/),
  );
  test.each([
    [' https://news.example.org', /spaces before or after it/],
    ['https://news.example.org ', /spaces before or after it/],
    ['\u00a0https://news.example.org', /spaces before or after it/],
    ['https://news.example.org\n', /control character/],
    ['https://news.exa\tmple.org', /control character/],
    ['https://news.example.org/\u0000', /control character/],
    ['https://news.example.org/\u0085', /control character/],
  ])('%j is refused, saying what to remove', (value, reason) => {
    expect(publicUrlProblem(value)).toMatch(reason);
    expect(startupProblems(production({ PUBLIC_URL: value }))).toEqual([expect.stringMatching(reason)]);
  });
  test.each(['https://news.example.org', 'http://127.0.0.1:1337', 'https://example.org/newsroom/'])(
    '%p passes',
    (value) => expect(publicUrlProblem(value)).toBeUndefined(),
  );
});

describe('the demo admin from the environment', () => {
  const admin = { NEWSROOM_ADMIN_EMAIL: 'editor@newsroom.test', NEWSROOM_ADMIN_PASSWORD: 'Editor-Desk-2021' };

  test.each(['admin', 'short1A', 'alllowercase1', 'ALLUPPERCASE1', 'NoDigitsHere', `Aa1${'x'.repeat(70)}`])(
    'password %p fails Strapi’s rule',
    (password) => expect(adminPasswordProblem(password)).toMatch(/Strapi's rule/),
  );
  test('a password that meets the rule passes', () => {
    expect(adminPasswordProblem('Editor-Desk-2021')).toBeUndefined();
  });

  test('a weak password is refused in every environment, naming the variable', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const problems = envAdminProblems({
        ...admin,
        NEWSROOM_ADMIN_PASSWORD: 'admin',
        NODE_ENV,
        NEWSROOM_ALLOW_ENV_ADMIN: 'true',
      });
      expect(problems).toEqual([expect.stringMatching(/^NEWSROOM_ADMIN_PASSWORD is too weak/)]);
    }
  });

  test('production refuses it unless NEWSROOM_ALLOW_ENV_ADMIN=true', () => {
    for (const NODE_ENV of [undefined, 'production', 'staging']) {
      expect(envAdminProblems({ ...admin, NODE_ENV })).toEqual([
        expect.stringMatching(/^NEWSROOM_ADMIN_EMAIL\/NEWSROOM_ADMIN_PASSWORD .* NEWSROOM_ALLOW_ENV_ADMIN=true/),
      ]);
      expect(envAdminProblems({ ...admin, NODE_ENV, NEWSROOM_ALLOW_ENV_ADMIN: 'true' })).toEqual([]);
    }
    expect(envAdminProblems({ ...admin, NODE_ENV: 'development' })).toEqual([]);
    expect(envAdminProblems({ ...admin, NODE_ENV: 'test' })).toEqual([]);
  });

  test('one variable without the other is refused; neither is fine', () => {
    expect(envAdminProblems({ NEWSROOM_ADMIN_EMAIL: 'editor@newsroom.test', NODE_ENV: 'test' })).toEqual([
      expect.stringMatching(/^NEWSROOM_ADMIN_PASSWORD is not set/),
    ]);
    expect(envAdminProblems({ NODE_ENV: 'production' })).toEqual([]);
  });
});

describe('all guards at once', () => {
  test('a strong production environment starts', () => {
    expect(startupProblems(production({ NODE_ENV: undefined }))).toEqual([]);
    expect(() => refuseUnsafeStartup(production({ NODE_ENV: 'production' }))).not.toThrow();
  });

  test('development and test skip the production guards, not the admin password rule', () => {
    expect(startupProblems({ NODE_ENV: 'development' })).toEqual([]);
    expect(
      startupProblems({ NODE_ENV: 'test', NEWSROOM_ADMIN_EMAIL: 'a@b.c', NEWSROOM_ADMIN_PASSWORD: 'admin' }),
    ).toHaveLength(1);
  });

  test('one error lists every problem and says NODE_ENV unset counts as production', () => {
    const env = production({ APP_KEYS: 'CHANGEME', ADMIN_JWT_SECRET: 'secret', PUBLIC_URL: undefined });
    expect(() => refuseUnsafeStartup(env)).toThrow(
      new RegExp(
        [
          'NODE_ENV is unset, which counts as production',
          'APP_KEYS: key 1 of 1',
          'ADMIN_JWT_SECRET contains',
          'PUBLIC_URL is not set',
        ].join('[\\s\\S]*'),
      ),
    );
  });
});

describe('example secrets', () => {
  test('production refuses missing or example secrets; development does not care', () => {
    const example = { APP_KEYS: 'change-me-1,change-me-2', API_TOKEN_SALT: 'change-me' };
    expect(unsafeSecrets(example)).toEqual(expect.arrayContaining(['APP_KEYS', 'API_TOKEN_SALT', 'JWT_SECRET']));
    expect(() => refuseExampleSecrets(example, 'production')).toThrow(/APP_KEYS/);
    expect(() => refuseExampleSecrets(example, 'development')).not.toThrow();
    const good = Object.fromEntries(
      ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'].map(
        (name) => [name, `f3a9c1e07b5d4a2896e1c0b7d3f5a8e2-${name.length}`],
      ),
    );
    expect(() => refuseExampleSecrets(good, 'production')).not.toThrow();
  });
});
