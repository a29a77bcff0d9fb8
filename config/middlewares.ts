export default ({ env }) => {
  // Room for a body at the newsroom's limit even when a client escapes every character as \uXXXX;
  // anything larger is refused by the parser before it reaches the rules.
  const maxBodyBytes = env.int('NEWSROOM_MAX_BODY_BYTES', 1024 * 1024);
  const requestLimit = `${Math.ceil((maxBodyBytes * 4) / 1024)}kb`;
  return [
    'strapi::logger',
    'strapi::errors',
    'strapi::security',
    'strapi::cors',
    'strapi::poweredBy',
    // Reads of articles, quotes and sources wait their turn, in arrival order (config/newsroom.ts).
    'global::read-queue',
    'strapi::query',
    // No user directory or roles through the content API, whatever the token.
    'global::no-user-directory',
    // A body the parser cannot read is a 400, not a 500.
    'global::unreadable-body',
    { name: 'strapi::body', config: { jsonLimit: requestLimit, formLimit: requestLimit, textLimit: requestLimit } },
    // NUL, lone surrogates, prototype keys, deep nesting and bogus pagination are refused with a 400.
    'global::well-formed-request',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
