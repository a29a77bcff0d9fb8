// The editors' lifecycle actions of the admin panel ("Kill story", "Issue correction", "Publish as
// an update of…", "Publish under embargo…"), each one published write through the Document Service, so the rules (and the
// lifecycle's checks) run as on any other write path. Who may: an admin whom the Content Manager
// lets update and publish this Article, with the role's conditions.
import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../constants';
import type { AdminAbility } from './admin-reads';
import { errors } from '../utils/strapi-internals/strapi-errors';
import { getService } from '../utils';

interface PermissionChecker {
  cannot: { update: (entity?: unknown) => boolean; publish: (entity?: unknown) => boolean };
}

export type LifecycleAction = 'kill' | 'correction' | 'update-of' | 'embargo';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const articles = () => strapi.documents(ARTICLE);

  async function allowed(ability: AdminAbility, documentId: string): Promise<void> {
    const draft = await strapi.db.query(ARTICLE).findOne({
      where: { documentId, publishedAt: null },
      populate: { createdBy: { select: ['id'] } },
    });
    if (!draft) throw new errors.NotFoundError(`No article ${documentId} — لا يوجد مقال بهذا المعرّف`);
    const checker: PermissionChecker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ability, model: ARTICLE });
    if (checker.cannot.update(draft) || checker.cannot.publish(draft)) {
      throw new errors.ForbiddenError(
        'This needs the Content Manager permissions to update and publish this article. — ' +
          'يحتاج هذا إلى إذنَي التعديل والنشر لهذا المقال في مدير المحتوى.',
      );
    }
  }

  const publish = (documentId: string, data: Record<string, unknown>) =>
    articles().update({ documentId, data: data as never, status: 'published' });

  return {
    /** Kill: `pubStatus: canceled` with the reason as the editor's note, published at once. */
    async kill(ability: AdminAbility, documentId: string, ednote: unknown) {
      await allowed(ability, documentId);
      return publish(documentId, { pubStatus: 'canceled', ednote });
    },

    /** A correction: the draft's changes published with a correction appended (and the note to partners). */
    async correction(ability: AdminAbility, documentId: string, note: unknown) {
      await allowed(ability, documentId);
      const draft = await strapi.db.query(ARTICLE).findOne({
        where: { documentId, publishedAt: null },
        populate: { corrections: true },
      });
      const stored = ((draft?.corrections ?? []) as Array<{ at: string; note: string }>).map(({ at, note }) => ({
        at,
        note,
      }));
      const text = typeof note === 'string' ? note.trim() : note;
      return publish(documentId, {
        corrections: [...stored, { at: new Date().toISOString(), note: text }],
        ednote: text,
      });
    },

    /** Published under embargo: in no public read until `until`, then public on its own. */
    async embargo(ability: AdminAbility, documentId: string, until: unknown) {
      await allowed(ability, documentId);
      const instant = typeof until === 'string' ? new Date(until) : undefined;
      if (!instant || Number.isNaN(instant.getTime()) || instant.getTime() <= Date.now()) {
        throw new errors.ValidationError(
          'embargoedUntil: give a time in the future. — يجب أن يكون موعد رفع الحظر في المستقبل.',
          { field: 'embargoedUntil', rule: 'embargo-in-future' },
        );
      }
      return publish(documentId, { embargoedUntil: instant.toISOString() });
    },

    /** Published as an update of an earlier story (ninjs `associations`, JSON-LD `isBasedOn`). */
    async updateOf(ability: AdminAbility, documentId: string, earlier: unknown) {
      await allowed(ability, documentId);
      if (typeof earlier !== 'string' || earlier === documentId) {
        throw new errors.ValidationError(
          'updates: name the earlier story by its documentId, not this one. — ' +
            'يجب تحديد الخبر السابق بمعرّفه، لا هذا الخبر نفسه.',
          { field: 'updates', rule: 'updates-earlier-story' },
        );
      }
      // Only a story partners may read can be the one this updates (not one embargoed or killed).
      const target = await articles().findOne({
        documentId: earlier,
        status: 'published',
        fields: ['title'],
        filters: getService('lifecycle', { strapi }).readFilter(ARTICLE, new Date(), 'public') as never,
      });
      if (!target) {
        throw new errors.ValidationError(`updates: no published story ${earlier}. — لا يوجد خبر منشور بهذا المعرّف.`, {
          field: 'updates',
          rule: 'updates-earlier-story',
        });
      }
      return publish(documentId, { updates: earlier });
    },
  };
};
