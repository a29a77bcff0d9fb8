// GET /newsroom/desk (admin panel sessions that may read articles): what the home page's desk
// widget lists, confined to the articles this admin may open.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../constants';
import type { AdminAbility } from '../services/admin-reads';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const ability = (ctx.state as { userAbility?: AdminAbility }).userAbility;
    if (!ability?.can('plugin::content-manager.explorer.read', ARTICLE)) {
      ctx.forbidden('Reading the desk needs permission to read articles in the Content Manager.');
      return;
    }
    ctx.body = { data: await getService('desk', { strapi }).show(ability) };
  },
});
