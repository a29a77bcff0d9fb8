// The cache key of a public read: the path as sent (documentIds and slugs are case-sensitive),
// the parsed query with its top-level parameters sorted (nested order, as in sort[0]/sort[1],
// carries meaning and is kept), and the public base URL the links are written with.

export function cacheKey(path: string, query: Record<string, unknown>, publicBaseUrl: string): string {
  const parameters = Object.keys(query)
    .sort()
    .map((name) => [name, query[name] === undefined ? null : query[name]]);
  return JSON.stringify([path, parameters, publicBaseUrl]);
}

/**
 * Request headers that Strapi 5.54's content API reads to shape a 200 (core-api controller:
 * `strapi-response-format: v4` answers in the v4 shape, `strapi-encode-source-maps: true` laces every
 * string with source-map characters). A request carrying any of them is neither answered from nor
 * stored in a shared cache: one anonymous header would otherwise choose the answer every later
 * reader gets. A test reads Strapi's code for the headers it reads and checks this list.
 */
export const ANSWER_SHAPING_HEADERS = ['strapi-response-format', 'strapi-encode-source-maps'] as const;

/** True when the request names a header that changes the answer Strapi renders. */
export function shapesAnswer(headers: Record<string, string | string[] | undefined>): boolean {
  return ANSWER_SHAPING_HEADERS.some((name) => headers[name] !== undefined);
}
