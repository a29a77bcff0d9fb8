// Reaches into: the components registry (`strapi.get('components')`). Strapi 5 loads components
// only from an app's src/components; a plugin's component must be registered in register(), shaped
// the way that loader shapes it, before bootstrap builds the models. tests/api/continuity.test.ts
// and the foreign-app test fail if an upgrade changes it (the credits would not load).
import type { Core } from '@strapi/strapi';

interface ComponentSchema {
  collectionName: string;
  info: { displayName: string } & Record<string, unknown>;
  attributes: Record<string, unknown>;
}

export function registerComponent(strapi: Core.Strapi, uid: `${string}.${string}`, schema: ComponentSchema): void {
  const registry = strapi.get('components');
  if (registry.get(uid)) {
    throw new Error(
      `newsroom: the app already defines the component ${uid}; delete src/components/${uid.replace('.', '/')}.json ` +
        '(the newsroom plugin provides it).',
    );
  }
  const [category, modelName] = uid.split('.');
  const globalId = `Component${[category, modelName].map((part) => part[0].toUpperCase() + part.slice(1)).join('')}`;
  registry.set(uid, {
    ...schema,
    __schema__: structuredClone(schema),
    uid,
    category,
    modelType: 'component',
    modelName,
    globalId,
  });
}
