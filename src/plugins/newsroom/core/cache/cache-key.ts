// The cache key of a public read: the path as sent (documentIds and slugs are case-sensitive),
// the parsed query with its top-level parameters sorted (nested order, as in sort[0]/sort[1],
// carries meaning and is kept), and the public base URL the links are written with.

export function cacheKey(path: string, query: Record<string, unknown>, publicBaseUrl: string): string {
  const parameters = Object.keys(query)
    .sort()
    .map((name) => [name, query[name] === undefined ? null : query[name]]);
  return JSON.stringify([path, parameters, publicBaseUrl]);
}
