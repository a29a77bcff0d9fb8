// Validators for the feeds: Atom against the RFC 4287 RELAX NG grammar (libxml2's xmllint, as
// WebAssembly), ninjs against IPTC's ninjs 3.1 JSON Schema with a 2020-12 validator.
import { readFileSync } from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = path.resolve(__dirname, '..', 'schemas');
const read = (file: string) => readFileSync(path.join(SCHEMAS, file), 'utf8');

export async function validateAtom(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'feed.xml', contents: xml }],
    schema: [read('atom.rng')],
    extension: 'relaxng',
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(JSON.parse(read('GeoJSON-schema.json')));
const ninjs = ajv.compile(JSON.parse(read('ninjs-schema_3.1.json')));

export function validateNinjs(item: unknown): string[] {
  if (ninjs(item)) return [];
  return (ninjs.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
