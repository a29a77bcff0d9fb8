// Where the tests find the plugin's own files and the packages it is installed beside: the
// plugin's folder, and a package's file in the nearest node_modules that holds it (the plugin's
// own, or a workspace root's above it, as Node resolves).
import { existsSync } from 'fs';
import path from 'path';

/** The plugin's folder (the one holding its package.json). */
export const PLUGIN_ROOT = path.resolve(__dirname, '..', '..');

/** The path of `file` (e.g. `@strapi/icons/dist/index.mjs`) in the nearest node_modules holding it. */
export function installed(file: string): string {
  for (let dir = PLUGIN_ROOT; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', file);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${file} is not installed above ${PLUGIN_ROOT}`);
  }
}
