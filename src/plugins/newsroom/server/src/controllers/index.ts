import { factories } from '@strapi/strapi';
import { ARTICLE, QUOTE, SOURCE, SUBJECT } from '../constants';
import desk from './desk';
import jsonld from './jsonld';
import lifecycleActions from './lifecycle-actions';
import responseCacheStats from './response-cache-stats';
import search from './search';
import syndication from './syndication';

export default {
  article: factories.createCoreController(ARTICLE),
  quote: factories.createCoreController(QUOTE),
  source: factories.createCoreController(SOURCE),
  subject: factories.createCoreController(SUBJECT),
  syndication,
  desk,
  jsonld,
  lifecycleActions,
  responseCacheStats,
  search,
};
