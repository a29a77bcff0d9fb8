// The media library is not listed to read-only API tokens.
import { isReadOnlyToken } from '../utils/callers';
import { errors } from '../utils/strapi-internals/strapi-errors';

type PolicyContext = { state?: { auth?: unknown } };

export default (context: PolicyContext) => {
  if (!isReadOnlyToken(context.state?.auth)) return true;
  throw new errors.PolicyError(
    'the media library is not listed to read-only API tokens; use a full-access token or the admin panel. — ' +
      'لا تُعرض مكتبة الوسائط لرموز القراءة فقط.',
    { rule: 'no-media-listing' },
  );
};
