// Users, roles and permissions are managed in the admin panel, never listed through the content API.
import { errors } from '../utils/strapi-internals/strapi-errors';

export default () => {
  throw new errors.PolicyError(
    'users and roles are not served through the content API; use the admin panel. — ' +
      'لا تُعرض المستخدمون والأدوار عبر واجهة المحتوى؛ استخدم لوحة الإدارة.',
    { rule: 'no-user-directory' },
  );
};
