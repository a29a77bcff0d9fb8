// The kill notice: what RSS, Atom and JSON Feed carry in place of a killed story, for as long as
// the notice lasts (`publicState`, 30 days by default), so a reader that ingested the story learns
// it must not be used. The mapping, the same item in each format:
// - title: the kill label in Arabic and English, then the headline (`سحب الخبر KILL: …`);
// - content (RSS `content:encoded`, Atom `content`, JSON Feed `content_html`): the statement in
//   Arabic and English and the editor's note (the ednote: why it was killed); never the story's text;
// - summary (RSS `description`, Atom `summary`, JSON Feed `summary`): the ednote;
// - rights (RSS `dc:rights`, Atom `rights`, JSON Feed `_newsroom.rights`): "no use permitted" before
//   the agencies' notice and terms;
// - machine-readable status: RSS `<category domain="urn:newsroom:pubStatus">canceled</category>`,
//   Atom `<category scheme="urn:newsroom:pubStatus" term="canceled"/>`, JSON Feed
//   `_newsroom.pubStatus: "canceled"` with `_newsroom.ednote` (ninjs: `pubStatus: canceled`, `edNote`);
// - updated (RSS has no such field; Atom `updated`, JSON Feed `date_modified`): the time of the kill.
import { escapeHtml } from './html';

export const KILL_LABEL = 'سحب الخبر KILL:';
export const PUB_STATUS_SCHEME = 'urn:newsroom:pubStatus';
const STATEMENT_AR = 'سُحب هذا الخبر: لا يجوز نشره أو استخدامه بأي شكل، ويجب حذفه إن كان قد نُشر.';
const STATEMENT_EN = 'This story has been killed: do not publish or use it in any form; remove it if it was published.';

export function killNoticeHtml(ednote: string | undefined, lang: string, dir: 'rtl' | 'ltr'): string {
  return [
    `<div dir="${dir}" lang="${escapeHtml(lang)}">`,
    `<p lang="ar" dir="rtl"><strong>${STATEMENT_AR}</strong></p>`,
    `<p lang="en" dir="ltr"><strong>${STATEMENT_EN}</strong></p>`,
    ednote ? `<p dir="auto">${escapeHtml(ednote)}</p>` : '',
    '</div>',
  ].join('');
}

export const killedRights = (rights: string) => `سُحب: لا يجوز الاستخدام — Killed: no use permitted. ${rights}`;
