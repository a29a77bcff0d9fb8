import type { Schema, Struct } from '@strapi/strapi';

export interface NewsroomCorrection extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_corrections';
  info: {
    description: 'A correction issued on a published story: when, and what it changed. Append-only.';
    displayName: 'Correction';
    icon: 'pencil';
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    note: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

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

export interface NewsroomPicture extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_pictures';
  info: {
    description: "A story's lead picture: the image, its caption, the photographer's or agency's credit, and its text alternative.";
    displayName: 'Picture';
    icon: 'picture';
  };
  attributes: {
    alt: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    caption: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    credit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    dir: Schema.Attribute.Enumeration<['rtl', 'ltr']>;
    image: Schema.Attribute.Media<'images'>;
    lang: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 35;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'newsroom.correction': NewsroomCorrection;
      'newsroom.credit': NewsroomCredit;
      'newsroom.picture': NewsroomPicture;
    }
  }
}
