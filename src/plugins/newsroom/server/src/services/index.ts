import { factories } from '@strapi/strapi';
import { ARTICLE, QUOTE, SOURCE } from '../wiring/config';
import importer from './importer';
import syndication from './syndication';

export default {
  article: factories.createCoreService(ARTICLE),
  quote: factories.createCoreService(QUOTE),
  source: factories.createCoreService(SOURCE),
  importer,
  syndication,
};
