#!/usr/bin/env node
// Writes the stored copy of the schema.org context the JSON-LD test expands against
// (src/plugins/newsroom/tests/fixtures/schemaorg/context.jsonld): every class and property of the
// schema.org vocabulary, read from schema-dts (declarations Google generates from schema.org's own
// vocabulary files), each term mapped to its schema.org IRI. No "@vocab": a term schema.org does not
// define is then not expanded, and the JSON-LD processor's safe mode refuses the document.
// Run again after upgrading schema-dts: `node scripts/make-schemaorg-context.js`.
const fs = require('fs');
const path = require('path');

const declarations = fs.readFileSync(require.resolve('schema-dts/dist/schema.d.ts'), 'utf8');
const version = require('schema-dts/package.json').version;
const properties = new Set(
  [...declarations.matchAll(/^\s+"([A-Za-z][A-Za-z0-9_]*)"\?: SchemaValue</gm)].map((m) => m[1]),
);
const classes = new Set([...declarations.matchAll(/"@type": "([A-Za-z][A-Za-z0-9_]*)"/g)].map((m) => m[1]));
if (properties.size < 1000 || classes.size < 500) throw new Error('schema-dts looks incomplete: refusing to write');

const context = { schema: 'https://schema.org/' };
for (const term of [...classes, ...properties].sort()) context[term] = `schema:${term}`;
const target = path.join(__dirname, '../src/plugins/newsroom/tests/fixtures/schemaorg/context.jsonld');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(
  target,
  `${JSON.stringify({ '@context': context, _source: `schema-dts ${version}`, _terms: { classes: classes.size, properties: properties.size } })}\n`,
);
console.log(`${target}: ${classes.size} classes, ${properties.size} properties (schema-dts ${version})`);
