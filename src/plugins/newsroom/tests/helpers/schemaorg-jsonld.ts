// Expanding schema.org JSON-LD with a real processor (`jsonld`, in safe mode) against the stored copy
// of the schema.org context (tests/fixtures/schemaorg/context.jsonld: every class and property of
// schema.org, read from schema-dts by scripts/make-schemaorg-context.js, without the published
// context's `@vocab`), so a term schema.org does not define is refused instead of expanded.
import fs from 'fs';
import path from 'path';

interface JsonLdProcessor {
  expand(
    input: object,
    options: {
      documentLoader: (url: string) => Promise<{ contextUrl?: string; documentUrl: string; document: unknown }>;
      safe: boolean;
    },
  ): Promise<unknown[]>;
}
// The package ships no types: the one call used here, typed.
const jsonld: JsonLdProcessor = require('jsonld');

const STORED_CONTEXT = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../fixtures/schemaorg/context.jsonld'), 'utf8'),
) as object;

// The processor reads nothing from the network: schema.org's context is the stored copy.
const documentLoader = async (url: string) => {
  if (/^https?:\/\/schema\.org\/?$/u.test(url)) return { documentUrl: url, document: STORED_CONTEXT };
  throw new Error(`no document for ${url} offline`);
};

/** The expanded document; rejects on a term or type schema.org does not define. */
export const expandSchemaOrg = (document: object) => jsonld.expand(document, { documentLoader, safe: true });

/** Every predicate and type IRI of an expanded document. */
export function irisOf(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => irisOf(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (!key.startsWith('@')) found.add(key);
      if (key === '@type') (Array.isArray(value) ? value : [value]).forEach((type) => found.add(String(type)));
      irisOf(value, found);
    }
  }
  return found;
}
