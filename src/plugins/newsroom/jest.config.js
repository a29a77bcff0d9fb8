// The plugin's unit tests (tests/, mirroring core/, server/src and admin/src): pure code on its
// TypeScript sources, no Strapi and no database. `npm test` here, or `npm test -w
// strapi-plugin-newsroom` from the host; the host repository runs the API, end-to-end and
// foreign-app suites against a running Strapi.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  // package.json "imports" (#core/*, #shared/*) name files without their extension.
  moduleNameMapper: {
    '^#core/(.*)$': '<rootDir>/core/$1',
    '^#shared/(.*)$': '<rootDir>/shared/$1',
  },
};
