// Which content coding to send, from Accept-Encoding (RFC 9110 §12.5.3): the highest q among
// the codings offered, br before gzip on a tie; identity when nothing else is acceptable.
//
// Hand-written, not Koa's ctx.acceptsEncodings: Koa 2 negotiates with negotiator 0.6.3, which
// breaks a tie by the order of the client's header and has no server preference. Every browser
// sends "gzip, deflate, br" (or "…, br, zstd"), so it would get gzip, and the bench's captures
// (BENCHMARKS.md, "bytes per response") show what that costs on the wire: the 50-article list
// 19,053 bytes in gzip against 13,867 in br (+37 %), the RSS feed 9,347 against 4,266 (+119 %).

export type Coding = 'br' | 'gzip' | 'identity';

const PREFERENCE: Coding[] = ['br', 'gzip', 'identity'];

function weights(header: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const parameter of parameters) {
      const [key, value] = parameter.trim().split('=');
      if (key === 'q') q = Number.isFinite(Number(value)) ? Math.min(Math.max(Number(value), 0), 1) : 0;
    }
    found.set(name.trim(), q);
  }
  return found;
}

/**
 * The coding to send; `offered` lists the compressed codings available for this response. A
 * compressed coding the client accepts (q > 0, named or through *) wins, the higher q first and br
 * before gzip on a tie; otherwise identity, which is acceptable unless refused and then sent anyway
 * rather than a 406 (§12.5.3 allows either).
 */
export function chooseCoding(header: string | undefined, offered: readonly Coding[]): Coding {
  if (header === undefined) return 'identity';
  const q = weights(header);
  const wildcard = q.get('*') ?? 0;
  let best: Coding = 'identity';
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    if (coding === 'identity' || !offered.includes(coding)) continue;
    const weight = q.has(coding) ? (q.get(coding) as number) : wildcard;
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
