// Global middleware: the content API lists no users and no roles. Strapi's read-only API token
// may call every find action, users-permissions' included, which would hand out every reader's
// e-mail. Editors manage users in the admin panel; a signed-in reader still has /api/users/me.
import { errors } from '@strapi/utils';

const DIRECTORY = /^\/api\/(users(?!\/me\/?$)(\/|$)|users-permissions\/(roles|permissions)(\/|$))/;

export default () => {
  return async (ctx: any, next: () => Promise<void>) => {
    if (DIRECTORY.test(ctx.path)) {
      throw new errors.ForbiddenError(
        'users and roles are not served through the content API; use the admin panel. — ' +
          'لا تُعرض المستخدمون والأدوار عبر واجهة المحتوى؛ استخدم لوحة الإدارة.',
      );
    }
    await next();
  };
};
