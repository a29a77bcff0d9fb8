// Helpers without state: the plugin's options as the host set them, and a typed service getter.
import type { Core } from '@strapi/strapi';
import { withDefaultLists, type NewsroomOptions } from '../config';
import { PLUGIN } from '../constants';
import type services from '../services';

type Services = typeof services;
type ServiceName = Exclude<keyof Services, 'article' | 'quote' | 'source'>;

/** The newsroom's own services, by name, as strapi.plugin('newsroom').service(name) returns them. */
export type NewsroomServices = { [Name in ServiceName]: ReturnType<Services[Name]> };

/** One of the newsroom's services, made once per Strapi instance (its state lives there). */
export function getService<Name extends ServiceName>(
  name: Name,
  { strapi }: { strapi: Core.Strapi },
): NewsroomServices[Name] {
  return strapi.plugin(PLUGIN).service(name) as NewsroomServices[Name];
}

/** The newsroom's options, read on each call: a host (or a test) may change them at run time. */
export function newsroomConfig(strapi: Core.Strapi): NewsroomOptions {
  return withDefaultLists(strapi.config.get(`plugin::${PLUGIN}`) ?? {});
}
