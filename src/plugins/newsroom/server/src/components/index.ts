import type { Core } from '@strapi/strapi';
import correction from './correction.json';
import credit from './credit.json';
import picture from './picture.json';
import { CORRECTION, CREDIT, PICTURE } from '../constants';
import { registerComponent } from '../utils/strapi-internals/component-registry';

/** The credit keeps its UID `newsroom.credit`: Strapi deletes the links of a component type it no longer knows. */
export function registerComponents(strapi: Core.Strapi): void {
  registerComponent(strapi, CREDIT, credit);
  registerComponent(strapi, CORRECTION, correction);
  registerComponent(strapi, PICTURE, picture);
}
