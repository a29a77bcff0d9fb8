// GET /api/search (the contract's "Search"): published documents for everyone, drafts for a
// full-access token that asks (status=draft, as on the content API); a bad parameter is a 400
// naming it, in English and Arabic.
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { readSearchQuery } from '#core/search';
import type { Audience } from '#core/lifecycle';
import { READER } from '../middlewares/lifecycle-reads';
import { getService } from '../utils';

const ARABIC_PROBLEM: Record<string, string> = {
  q: 'نص البحث مطلوب، من كلمة واحدة على الأقل وبما لا يزيد على 200 حرف',
  type: 'النوع أحد: articles أو quotes أو sources',
  pagination: 'الترقيم: pagination[page] وpagination[pageSize]',
  'pagination[page]': 'رقم الصفحة عدد صحيح من 1',
  'pagination[pageSize]': 'حجم الصفحة عدد صحيح من 1 إلى 100',
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const search = getService('search', { strapi });
    if (!search.available()) {
      ctx.status = 501;
      ctx.body = {
        data: null,
        error: { status: 501, name: 'NotImplemented', message: 'Search needs SQLite or PostgreSQL.' },
      };
      return;
    }
    const reading = readSearchQuery(ctx.query as Record<string, unknown>);
    if ('param' in reading) {
      return ctx.badRequest(`${reading.message} — ${ARABIC_PROBLEM[reading.param]}`, { field: reading.param });
    }
    const { query } = reading;
    const status = ctx.query.status === 'draft' ? 'draft' : 'published';
    const reader = ctx.state[READER] as { audience: Audience } | undefined;
    await getService('readQueue', { strapi }).inTurn(ctx, async () => {
      const { hits, total } = await search.search({ ...query, status, audience: reader?.audience });
      ctx.body = {
        data: hits,
        meta: { pagination: { page: query.page, pageSize: query.pageSize, total } },
      };
    });
  },
});
