// POST /newsroom/articles/:documentId/{kill,correction,update-of,embargo} (admin panel sessions): the
// editors' lifecycle actions; services/lifecycle-actions.ts checks who may.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { AdminAbility } from '../services/admin-reads';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const actions = () => getService('lifecycleActions', { strapi });
  const ability = (ctx: Context) => (ctx.state as { userAbility: AdminAbility }).userAbility;
  const body = (ctx: Context) =>
    ((ctx.request as { body?: Record<string, unknown> }).body ?? {}) as Record<string, unknown>;
  const documentId = (ctx: Context) => String(ctx.params.documentId);

  return {
    async kill(ctx: Context) {
      ctx.body = { data: await actions().kill(ability(ctx), documentId(ctx), body(ctx).ednote) };
    },
    async correction(ctx: Context) {
      ctx.body = { data: await actions().correction(ability(ctx), documentId(ctx), body(ctx).note) };
    },
    async embargo(ctx: Context) {
      ctx.body = { data: await actions().embargo(ability(ctx), documentId(ctx), body(ctx).embargoedUntil) };
    },
    async updateOf(ctx: Context) {
      ctx.body = { data: await actions().updateOf(ability(ctx), documentId(ctx), body(ctx).updates) };
    },
  };
};
