// Conditional GET and HEAD per RFC 9110 §13: If-None-Match (one tag, a list, or *), weakly
// compared, takes precedence over If-Modified-Since; the request's own cache directives
// (Cache-Control: no-cache, Pragma) are not consulted. Koa's ctx.fresh treats no-cache as stale,
// which is why fetch(), browsers on reload and CDNs revalidating with no-cache got a full 200.

export interface Validators {
  /** The selected representation's strong entity-tag, quotes included: "abc". */
  etag: string;
  /** Last-Modified as an HTTP-date, when the representation has one. */
  lastModified?: string;
}

export interface ConditionalHeaders {
  method: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

/** The opaque tags of an If-None-Match list; '*' for the wildcard; malformed members dropped. */
export function parseEntityTags(header: string): string[] | '*' {
  const trimmed = header.trim();
  if (trimmed === '*') return '*';
  const tags: string[] = [];
  // Members are separated by commas outside quotes; an opaque tag cannot hold a quote.
  for (const member of trimmed.match(/(?:W\/)?"[^"]*"|[^,\s][^,]*/g) ?? []) {
    const match = ENTITY_TAG.exec(member.trim());
    if (match) tags.push(match[2]);
  }
  return tags;
}

/** Weak comparison (RFC 9110 §8.8.3.2): the opaque tags are equal, W/ ignored on both sides. */
export function weaklyMatches(header: string, etag: string): boolean {
  const tags = parseEntityTags(header);
  if (tags === '*') return true;
  const own = ENTITY_TAG.exec(etag.trim());
  return own !== null && tags.includes(own[2]);
}

/** True when a GET or HEAD whose unconditional answer is 200 may be answered 304 Not Modified. */
export function notModified(request: ConditionalHeaders, validators: Validators): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.ifNoneMatch !== undefined && request.ifNoneMatch.trim() !== '') {
    // §13.2.2 step 3: with If-None-Match present, If-Modified-Since is not evaluated.
    return weaklyMatches(request.ifNoneMatch, validators.etag);
  }
  if (request.ifModifiedSince === undefined || validators.lastModified === undefined) return false;
  const since = Date.parse(request.ifModifiedSince);
  const modified = Date.parse(validators.lastModified);
  if (Number.isNaN(since) || Number.isNaN(modified)) return false; // an invalid date is ignored
  return modified <= since;
}
