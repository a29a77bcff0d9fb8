import type { Schema, Struct } from '@strapi/strapi';

export interface NewsroomCredit extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_credits';
  info: {
    description: 'A credit to a Source, with its role in the dispatch.';
    displayName: 'Credit';
    icon: 'feather';
  };
  attributes: {
    role: Schema.Attribute.Enumeration<['originator', 'distributor', 'contributor']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'originator'>;
    source: Schema.Attribute.Relation<'oneToOne', 'plugin::newsroom.source'>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'newsroom.credit': NewsroomCredit;
    }
  }
}
