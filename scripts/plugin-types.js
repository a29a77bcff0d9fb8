#!/usr/bin/env node
// Keeps in the plugin's generated types only the newsroom's own content types and components, and
// what they reference (the admin user of createdBy/updatedBy, and so on): `strapi ts:generate-types`
// writes the host app's whole registry, which is not the plugin's to ship.
// Usage: node scripts/plugin-types.js <generated dir> <plugin types dir>
'use strict';
const fs = require('fs');
const path = require('path');

const OURS = [/^plugin::newsroom\./, /^newsroom\./];

/** The file's interfaces by name, and the registry's `'uid': Interface;` entries. */
function parse(text) {
  const blocks = new Map();
  for (const match of text.matchAll(/^export interface (\w+) extends [^{]+\{\n[\s\S]*?^\}\n/gm)) {
    blocks.set(match[1], match[0]);
  }
  const registry = new Map();
  const module = /^declare module '@strapi\/strapi' \{[\s\S]*$/m.exec(text)?.[0] ?? '';
  for (const match of module.matchAll(/^\s+'([^']+)': (\w+);$/gm)) registry.set(match[1], match[2]);
  return { blocks, registry, module };
}

/** The UIDs a type's attributes name (relations, components). */
const referenced = (block) => [...block.matchAll(/'((?:admin|plugin|api)::[\w.-]+|[\w-]+\.[\w-]+)'/g)].map((m) => m[1]);

function filter(files) {
  const parsed = files.map((file) => ({ file, ...parse(fs.readFileSync(file, 'utf8')) }));
  const all = new Map();
  for (const { registry, blocks } of parsed) for (const [uid, name] of registry) all.set(uid, blocks.get(name));
  const kept = new Set();
  const visit = (uid) => {
    if (kept.has(uid) || !all.has(uid)) return;
    kept.add(uid);
    for (const next of referenced(all.get(uid))) visit(next);
  };
  for (const uid of all.keys()) if (OURS.some((pattern) => pattern.test(uid))) visit(uid);
  return parsed.map(({ file, blocks, registry, module }) => {
    const header = fs.readFileSync(file, 'utf8').split('\n')[0];
    const uids = [...registry.keys()].filter((uid) => kept.has(uid));
    const interfaces = uids.map((uid) => blocks.get(registry.get(uid)));
    const lines = uids.map((uid) => `      '${uid}': ${registry.get(uid)};\n`).join('');
    const keptModule = module.replace(/(\{\n)((?:\s+'[^']+': \w+;\n)+)/, (_, open) => open + lines);
    return { file, text: [header, '', ...interfaces.map((block) => block.trimEnd() + '\n'), keptModule].join('\n') };
  });
}

if (require.main === module) {
  const [generated, target] = process.argv.slice(2);
  if (!generated || !target) throw new Error('usage: node scripts/plugin-types.js <generated dir> <plugin types dir>');
  const files = ['contentTypes.d.ts', 'components.d.ts'].map((name) => path.join(generated, name));
  for (const { file, text } of filter(files)) fs.writeFileSync(path.join(target, path.basename(file)), text);
}

module.exports = { filter };
