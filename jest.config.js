// The host's suites (tests/): unit tests run on the TypeScript sources; API, hostile, e2e and plugin
// suites boot the compiled app (tests/helpers/global-setup.js). The plugin's own unit tests have their
// own config, src/plugins/newsroom/jest.config.js.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: { warnOnly: false } }],
  },
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
  // API suites first in a fixed order is not needed: each boots its own throwaway database.
  // A suite that leaks a handle must not hang CI; each suite still stops its own Strapi.
  forceExit: true,
};
