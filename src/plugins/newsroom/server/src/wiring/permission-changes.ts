// A public answer depends on what the Public role may read as much as on the content: a permission
// revoked in Settings must stop the cached answers that it allowed, on every instance. A change of
// any users-permissions role or permission therefore moves the content version, as a published
// write does, and every instance's response cache misses on its next read.
import type { Core } from '@strapi/strapi';
import { touchContentVersion } from './content-version';

const ACCESS_MODELS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];

/** Called in bootstrap(), once the database exists. */
export function invalidateOnAccessChanges(strapi: Core.Strapi): void {
  const touch = async () => {
    await touchContentVersion(strapi);
  };
  strapi.db.lifecycles.subscribe({
    models: ACCESS_MODELS,
    afterCreate: touch,
    afterCreateMany: touch,
    afterUpdate: touch,
    afterUpdateMany: touch,
    afterDelete: touch,
    afterDeleteMany: touch,
  });
}
