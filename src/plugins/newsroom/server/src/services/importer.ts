// The importer as a service, for the host's CLI (npm run import) and for other plugins:
// strapi.plugin('newsroom').service('importer').importFiles(paths, options, onResult).
import type { Core } from '@strapi/strapi';
import { importDispatchFiles } from '../wiring/import-dispatch';

type ImportArguments = Parameters<typeof importDispatchFiles>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  importFiles: (paths: ImportArguments[1], options: ImportArguments[2], onResult?: ImportArguments[3]) =>
    importDispatchFiles(strapi, paths, options, onResult),
});
