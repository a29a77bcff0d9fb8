// Everything with state or Strapi calls, each made once per Strapi instance
// (strapi.plugin('newsroom').service(name), or getService(name, { strapi }) in the plugin).
import { factories } from '@strapi/strapi';
import { ARTICLE, QUOTE, SOURCE, SUBJECT } from '../constants';
import adminReads from './admin-reads';
import adminViews from './admin-views';
import bootLock from './boot-lock';
import callers from './callers';
import contentVersion from './content-version';
import desk from './desk';
import importer from './importer';
import lifecycle from './lifecycle';
import lifecycleActions from './lifecycle-actions';
import permissions from './permissions';
import readQueue from './read-queue';
import responseCache from './response-cache';
import rules from './rules';
import search from './search';
import seed from './seed';
import syndication from './syndication';
import uploadGuard from './upload-guard';

export default {
  article: factories.createCoreService(ARTICLE),
  quote: factories.createCoreService(QUOTE),
  source: factories.createCoreService(SOURCE),
  subject: factories.createCoreService(SUBJECT),
  adminReads,
  adminViews,
  bootLock,
  callers,
  contentVersion,
  desk,
  importer,
  lifecycle,
  lifecycleActions,
  permissions,
  readQueue,
  responseCache,
  rules,
  search,
  seed,
  syndication,
  uploadGuard,
};
