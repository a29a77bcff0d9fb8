// The admin's strings: the newsroom's own (`newsroom.*`, in ./<locale>.json) and, for Arabic,
// Strapi's own message ids where its Arabic is missing or reads badly, with our types' field
// labels under the Content Manager's ids (./strapi/<locale>.json). Registered after Strapi's
// plugins, so ours win; a host app's `config.translations` still wins over ours.
export const PLUGIN_ID = 'newsroom';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

type Messages = Record<string, string>;

async function load(loader: () => Promise<{ default: Messages }>): Promise<Messages> {
  try {
    return (await loader()).default;
  } catch {
    return {};
  }
}

// What was loaded, by locale: for the few labels shown outside React's intl (see admin-panel-dom.ts).
const loaded = new Map<string, Messages>();

/** A message the newsroom supplied for `locale`, if it was loaded. */
export const loadedMessage = (locale: string, id: string): string | undefined => loaded.get(locale)?.[id];

/** Every message the newsroom supplies for one interface locale. */
export async function translationsFor(locale: string): Promise<Messages> {
  const own = await load(() => import(`./newsroom/${locale}.json`));
  const strapi = await load(() => import(`./strapi/${locale}.json`));
  const prefixed: Messages = {};
  for (const [key, value] of Object.entries(own)) prefixed[getTranslation(key)] = value;
  const messages = { ...strapi, ...prefixed };
  loaded.set(locale, messages);
  return messages;
}
