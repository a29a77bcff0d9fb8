// The origins an editor's browser may reach the admin from: the only ones config/middlewares.ts
// grants credentials (strapi::cors) and passes to the newsroom's CORS and cookie guards.

export interface AdminOriginSettings {
  /** PUBLIC_URL, the server's configured url; a relative or empty url names no origin. */
  publicUrl: string;
  port: number;
  nodeEnv: string;
  /** CORS_ORIGINS: comma-separated origins of admin front-ends served elsewhere. */
  extra: string;
}

function originOf(value: string, variable: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(
      `${variable}: "${value}" is not an http(s) origin; write origins such as https://desk.example.com, ` +
        'separated by commas (a wildcard would hand an editor’s session to every site).',
    );
  }
  return url.origin;
}

/** The origins an editor's browser may call the admin from: the only ones granted credentials. */
export function adminOrigins({ publicUrl, port, nodeEnv, extra }: AdminOriginSettings): string[] {
  const origins = new Set<string>();
  if (/^https?:\/\//i.test(publicUrl)) origins.add(originOf(publicUrl, 'PUBLIC_URL'));
  if (nodeEnv === 'development' || nodeEnv === 'test') {
    origins.add(originOf(`http://127.0.0.1:${port}`, 'PORT'));
    origins.add(originOf(`http://localhost:${port}`, 'PORT'));
  }
  for (const entry of extra.split(',').map((item) => item.trim())) {
    if (entry) origins.add(originOf(entry, 'CORS_ORIGINS'));
  }
  return [...origins];
}
