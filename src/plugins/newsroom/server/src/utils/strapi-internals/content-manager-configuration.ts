// Reaches into: the Content Manager plugin's undocumented `content-types` and `components`
// services (findConfiguration/updateConfiguration), the only server-side way to set its edit and
// list views; Strapi documents no API for it. tests/api/strapi-internals.test.ts fails if the
// services, their methods or the configuration's shape change in an upgrade.
import type { Core, UID } from '@strapi/strapi';

/** The parts of a Content Manager view configuration the newsroom edits. */
export interface ViewConfiguration {
  settings: { mainField?: string } & Record<string, unknown>;
  metadatas: Record<
    string,
    {
      edit: { label?: string; editable?: boolean; mainField?: string } & Record<string, unknown>;
      list?: { label?: string } & Record<string, unknown>;
    }
  >;
  layouts: { list: string[] } & Record<string, unknown>;
}

interface ConfigurationService {
  findConfiguration(model: unknown): Promise<ViewConfiguration>;
  updateConfiguration(model: unknown, configuration: ViewConfiguration): Promise<unknown>;
}

/** The Content Manager's configuration service and model for a content type or a component. */
export function viewConfiguration(strapi: Core.Strapi, uid: string, component = false) {
  const service = strapi
    .plugin('content-manager')
    .service(component ? 'components' : 'content-types') as ConfigurationService;
  const model = component ? strapi.components[uid as UID.Component] : strapi.contentType(uid as UID.ContentType);
  if (!model) throw new Error(`newsroom: no ${component ? 'component' : 'content type'} ${uid}`);
  return {
    read: (): Promise<ViewConfiguration> => service.findConfiguration(model),
    write: async (configuration: ViewConfiguration): Promise<void> => {
      await service.updateConfiguration(model, configuration);
    },
  };
}
