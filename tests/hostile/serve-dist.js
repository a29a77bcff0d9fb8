// Child process for the fault and load sections: boots the compiled app from dist/ on the SQLite
// file in DATABASE_FILENAME, listens on 127.0.0.1:PORT, and reports a full-access token and the
// agencies' documentIds to its parent over IPC. Plain JS: it runs outside Jest's transform.
const path = require('path');
const { randomBytes } = require('crypto');
const { bootStrapi } = require('../../scripts/boot-strapi');

async function main() {
  const { strapi: app } = await bootStrapi({
    appDir: path.resolve(__dirname, '..', '..'),
    serveHttp: { host: '127.0.0.1', port: Number(process.env.PORT) },
    logLevel: process.env.TEST_LOG_LEVEL || 'error',
  });
  const token = await app.service('admin::api-token').create({
    name: `hostile-${randomBytes(4).toString('hex')}`,
    type: 'full-access',
    lifespan: null,
    permissions: [],
  });
  const source = async (slug) =>
    (await app.documents('plugin::newsroom.source').findFirst({ filters: { slug } })).documentId;
  process.send({
    ready: true,
    token: token.accessKey,
    sputnik: await source('sputnik'),
    ppn: await source('pakistan-point-news'),
  });
}

main().catch((error) => {
  process.stderr.write(`serve-dist: ${error && error.stack}\n`);
  process.exit(1);
});
