/**
 * The SSRF guard for webhook targets. An administrator types a URL and the server POSTs to it, so
 * without a guard the newsroom could be used to reach the machine itself (127.0.0.1, the cloud
 * metadata service at 169.254.169.254) or the private network behind it. Every address the host
 * resolves to must be public — one private address among public ones is refused too, since the
 * resolver may hand out either — unless the administrator setting "allow private targets" is on.
 *
 * The check returns the address it approved, and the sender connects to exactly that address
 * (see sender.ts): resolving again at connect time would let a DNS answer with a short TTL
 * switch to 127.0.0.1 between the check and the connection (DNS rebinding).
 */
import dns from 'node:dns/promises';
import net from 'node:net';

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

export type TargetProblem = 'private' | 'unresolvable';

export class TargetRefusedError extends Error {
  constructor(readonly problem: TargetProblem, readonly host: string, readonly address: string | null) {
    // Internal: routes map it to a catalogue message, the delivery log records this text.
    super(problem === 'private' ? `refused: ${host} is a private, loopback or reserved address${address && address !== host ? ` (${address})` : ''}` : `cannot resolve ${host}`);
    this.name = 'TargetRefusedError';
  }
}

function refused(problem: TargetProblem, host: string, address: string | null): TargetRefusedError {
  return new TargetRefusedError(problem, host, address);
}

export type Lookup = (host: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: Lookup = (host) => dns.lookup(host, { all: true, verbatim: true });

// Special-purpose ranges (RFC 6890 and the IANA registries): none is a place a webhook belongs.
const BLOCKED = new net.BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
] as const) BLOCKED.addSubnet(net4, bits, 'ipv4');
for (const [net6, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) BLOCKED.addSubnet(net6, bits, 'ipv6');

/** The 16 bytes of an IPv6 address (net.isIPv6 already said it is one). */
function ipv6Bytes(ip: string): number[] {
  let s = ip.split('%')[0]!;
  const tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    tail.push(...v4[1]!.split('.').map(Number));
    s = s.slice(0, -v4[1]!.length) + '0:0';
  }
  const [head, rest] = s.includes('::') ? s.split('::') : [s, null];
  const hs = head ? head.split(':') : [];
  const rs = rest ? rest.split(':') : [];
  const groups = rest === null ? hs : [...hs, ...Array<string>(8 - hs.length - rs.length).fill('0'), ...rs];
  const bytes = groups.flatMap((g) => {
    const n = parseInt(g || '0', 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/**
 * The IPv4 address an IPv6 one carries, when it is a form that reaches IPv4: mapped
 * (::ffff:a.b.c.d, which the kernel connects to as IPv4), IPv4-compatible (::a.b.c.d) and NAT64
 * (64:ff9b::a.b.c.d).
 */
function embeddedIPv4(ip: string): { v4: string; mapped: boolean } | null {
  const b = ipv6Bytes(ip);
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const mapped = zeros(0, 10) && b[10] === 0xff && b[11] === 0xff;
  const compatible = zeros(0, 12) && !zeros(12, 16);
  const nat64 = b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12);
  return mapped || compatible || nat64 ? { v4: b.slice(12).join('.'), mapped } : null;
}

/** True for an address a webhook must not reach unless private targets are allowed. */
export function isPrivateAddress(ip: string): boolean {
  const family = net.isIP(ip);
  if (family === 4) return BLOCKED.check(ip, 'ipv4');
  if (family === 6) {
    const inner = embeddedIPv4(ip);
    // A mapped address is its IPv4 one; the compatible and NAT64 forms are never needed for a webhook.
    if (inner) return !inner.mapped || BLOCKED.check(inner.v4, 'ipv4');
    return BLOCKED.check(ip.split('%')[0]!, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

/** The host of a URL as a resolver or net.isIP takes it ([::1] → ::1). */
export function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Resolves the URL's host and returns the address to connect to, or throws TargetRefusedError.
 * With `allowPrivate` any resolved address is taken (the administrator said so).
 */
export async function checkTarget(url: URL, allowPrivate: boolean, lookup: Lookup = systemLookup, timeoutMs = 10_000): Promise<ResolvedTarget> {
  const host = bareHost(url);
  const literal = net.isIP(host);
  let addrs: { address: string; family: number }[];
  if (literal) addrs = [{ address: host, family: literal }];
  else {
    // The sender's deadline starts after the lookup, so a resolver that never answers gets its own.
    let timer: NodeJS.Timeout | undefined;
    try {
      addrs = await Promise.race([lookup(host), new Promise<never>((_, reject) => (timer = setTimeout(reject, timeoutMs)))]);
    } catch {
      throw refused('unresolvable', host, null);
    } finally {
      clearTimeout(timer);
    }
    if (addrs.length === 0) throw refused('unresolvable', host, null);
  }
  if (!allowPrivate) {
    const bad = addrs.find((a) => isPrivateAddress(a.address));
    if (bad) throw refused('private', host, bad.address);
  }
  const first = addrs[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
