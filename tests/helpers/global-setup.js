// Compile the Strapi app once (TypeScript → dist) before the suites that boot it.
const { compileApp } = require('../../scripts/boot-strapi');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileApp({ appDir: process.cwd() });
};
