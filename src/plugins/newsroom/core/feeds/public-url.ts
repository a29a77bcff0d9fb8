// Where the feeds say the newsroom lives: the configured public URL, else (development and tests
// only: production refuses to start without PUBLIC_URL) the address the server listens on.

export interface PublicServerConfig {
  url?: string;
  host?: string;
  port?: number;
}

export function publicBaseUrl({ url, host, port }: PublicServerConfig): string {
  const configured = String(url ?? '').replace(/\/+$/, '');
  if (/^https?:\/\/[^/]/i.test(configured)) return configured;
  const listening = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${listening.includes(':') ? `[${listening}]` : listening}:${port ?? 1337}`;
}
