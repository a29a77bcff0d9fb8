#!/usr/bin/env node
// First run needs no hand-editing: write .env with fresh random secrets when it is missing.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const envPath = path.resolve(__dirname, '..', '.env');

// Hex, not base64: it can never spell a known default ("admin", "secret"…) that the guards refuse.
const secret = () => crypto.randomBytes(32).toString('hex');

/** The lines of a fresh .env for local development. */
function generatedEnv() {
  return [
    '# Generated on first run by scripts/ensure-env.js. Never commit this file.',
    '# NODE_ENV is left unset: `npm run develop` runs as development, `npm start` as production.',
    'HOST=127.0.0.1',
    'PORT=1337',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    'DATABASE_CLIENT=sqlite',
    'DATABASE_FILENAME=.tmp/data.db',
    'STRAPI_TELEMETRY_DISABLED=true',
  ];
}

if (require.main === module && !fs.existsSync(envPath)) {
  fs.writeFileSync(envPath, generatedEnv().join('\n') + '\n', { mode: 0o600 });
  console.log('Wrote .env with fresh random secrets (kept out of git).');
}

module.exports = { generatedEnv };
