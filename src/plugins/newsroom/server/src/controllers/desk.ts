// GET /newsroom/desk (admin panel sessions that may read articles): what the home page's desk
// widget lists, confined to the articles this admin may open.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { AdminAbility } from '../wiring/admin-reads';
import { ARTICLE } from '../wiring/config';
import { heldDrafts, recentImports } from '../wiring/desk';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const ability = (ctx.state as { userAbility?: AdminAbility }).userAbility;
    if (!ability?.can('plugin::content-manager.explorer.read', ARTICLE)) {
      ctx.forbidden('Reading the desk needs permission to read articles in the Content Manager.');
      return;
    }
    const [held, imports] = await Promise.all([heldDrafts(strapi, ability), recentImports(strapi, ability)]);
    ctx.body = { data: { held, imports } };
  },
});
