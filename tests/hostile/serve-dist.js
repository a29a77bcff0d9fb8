// Child process for the fault and load sections: boots the compiled app from dist/ on the SQLite
// file in DATABASE_FILENAME, listens on 127.0.0.1:PORT, and reports a full-access token and the
// agencies' documentIds to its parent over IPC. Plain JS: it runs outside Jest's transform.
const path = require('path');
const { randomBytes } = require('crypto');
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const root = path.resolve(__dirname, '..', '..');
  const app = createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  for (const transport of app.log.transports) transport.level = process.env.TEST_LOG_LEVEL || 'error';
  await app.load();
  await app.server.mount();
  await new Promise((resolve) => app.server.httpServer.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  const token = await app.service('admin::api-token').create({
    name: `hostile-${randomBytes(4).toString('hex')}`,
    type: 'full-access',
    lifespan: null,
    permissions: [],
  });
  const source = async (slug) =>
    (await app.documents('api::source.source').findFirst({ filters: { slug } })).documentId;
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
