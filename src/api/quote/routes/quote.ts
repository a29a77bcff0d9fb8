import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::quote.quote', {
  config: {
    find: { middlewares: ['global::published-only'] },
    findOne: { middlewares: ['global::published-only'] },
  },
});
