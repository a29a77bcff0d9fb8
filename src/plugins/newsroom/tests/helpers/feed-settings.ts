// The feed settings the feed tests render with: the newsroom's titles and terms, on `baseUrl`.
import type { FeedSettings } from '#core/feeds';

export function feedSettings(baseUrl = 'https://news.example', feed = 'atom'): FeedSettings {
  return {
    baseUrl,
    selfUrl: `${baseUrl}/api/syndication/${feed}`,
    title: 'الأخبار',
    description: 'وصف',
    publisher: 'Pakistan Point News',
    publisherUrl: 'https://www.pakistanpoint.com',
    usageTerms: 'Credit every agency.',
    language: 'ar',
  };
}
