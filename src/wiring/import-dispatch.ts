// Turns a parsed dispatch into Sources, an Article and its Quotes through the Document Service,
// so every newsroom rule applies, in one transaction.
import type { Core } from '@strapi/strapi';
import { outletKey, type ParsedDispatch } from '../newsroom/dispatch';
import { ARTICLE, QUOTE, SOURCE } from './config';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Find each outlet's Source by its normalised name, or create it. Returns key → documentId. */
async function resolveSources(strapi: Core.Strapi, dispatch: ParsedDispatch): Promise<Map<string, string>> {
  const existing = await strapi.documents(SOURCE).findMany({ fields: ['name', 'nameLatin'], limit: -1 } as never);
  const byKey = new Map<string, string>();
  for (const source of existing as unknown as Array<{ documentId: string; name: string }>)
    byKey.set(outletKey(source.name), source.documentId);
  for (const outlet of dispatch.outlets) {
    if (byKey.has(outlet.key)) continue;
    const created = await strapi.documents(SOURCE).create({
      data: { name: outlet.name, nameLatin: outlet.nameLatin, kind: outlet.kind, url: outlet.url } as never,
    });
    byKey.set(outlet.key, created.documentId);
  }
  return byKey;
}

export async function importDispatch(
  strapi: Core.Strapi,
  dispatch: ParsedDispatch,
  { status }: { status: 'published' | 'draft' },
): Promise<{ articleDocumentId: string; quotes: number; sources: number }> {
  return strapi.db.transaction(async () => {
    const sources = await resolveSources(strapi, dispatch);
    const article = await strapi.documents(ARTICLE).create({
      status,
      data: {
        title: dispatch.title,
        dispatchDate: dispatch.dispatchDate,
        body: dispatch.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
        credits: dispatch.credits.map((credit) => ({ role: credit.role, source: sources.get(credit.outlet) })),
      } as never,
    });
    for (const quote of dispatch.quotes) {
      await strapi.documents(QUOTE).create({
        status,
        data: {
          text: quote.text,
          speaker: quote.speaker,
          speakerRole: quote.speakerRole,
          context: quote.context,
          position: quote.position,
          venue: quote.venue ? sources.get(quote.venue) : undefined,
          article: article.documentId,
        } as never,
      });
    }
    return { articleDocumentId: article.documentId, quotes: dispatch.quotes.length, sources: sources.size };
  });
}
