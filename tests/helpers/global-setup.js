// Compile the Strapi app once (TypeScript → dist) before the suites that boot it.
const { compileStrapi } = require('@strapi/strapi');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileStrapi({ appDir: process.cwd() });
};
