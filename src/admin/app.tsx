import type { StrapiApp } from '@strapi/strapi/admin';

// The newsroom's admin (its editor field, input directions and strings) comes with the plugin.
export default {
  config: {
    // Arabic is offered beside English as the admin interface language.
    locales: ['ar'],
  },
  register(_app: StrapiApp) {},
};
