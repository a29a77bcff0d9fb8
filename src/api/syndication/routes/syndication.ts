// Public feeds of published articles (see the contract's "Syndication" table).
const feed = (path: string, handler: string) => ({
  method: 'GET',
  path,
  handler: `syndication.${handler}`,
  config: { auth: false as const },
});

export default {
  routes: [
    feed('/syndication/rss', 'rss'),
    feed('/syndication/atom', 'atom'),
    feed('/syndication/json', 'json'),
    feed('/syndication/ninjs', 'ninjs'),
    feed('/syndication/ninjs/:slug', 'ninjsItem'),
  ],
};
