import { IncomingMessage } from 'node:http';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { digestKey } from '../../platform/bounded-cache';

/**
 * Who a request comes from, for counting it. Behind a load balancer every caller shares the
 * balancer's address, so `X-Forwarded-For` is read, but only when the peer is one of the
 * operator's trusted proxies (ONE_WINDOW_TRUSTED_PROXIES, a comma-separated CIDR list): from the
 * right, past every trusted hop, the first address no trusted proxy owns is the caller's. Anything
 * left of it was written by the caller and is ignored. An IPv6 caller is counted by its /64, the
 * block one subscriber is given, so rotating addresses inside it gains nothing.
 */
export class ClientAddresses {
  private readonly trusted = new BlockList();
  private readonly any: boolean;

  constructor(cidrs: readonly string[]) {
    for (const cidr of cidrs) {
      const [address, bits] = cidr.split('/');
      const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
      const prefix = bits === undefined ? (type === 'ipv4' ? 32 : 128) : Number(bits);
      if (!type || !/^\d{1,3}$/.test(bits ?? '0') || prefix > (type === 'ipv4' ? 32 : 128))
        throw new Error(`ONE_WINDOW_TRUSTED_PROXIES: "${cidr}" is not an address or CIDR block`);
      this.trusted.addSubnet(address, prefix, type);
    }
    this.any = cidrs.length > 0;
  }

  /** The counting key of the request's caller: an IPv4 address, an IPv6 /64, or "unknown". */
  of(request: IncomingMessage): string {
    let address = normalized(request.socket.remoteAddress);
    if (this.any && address && this.isTrusted(address)) {
      const header = request.headers['x-forwarded-for'];
      const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
      // Only the hops nearest to us can matter; a caller may send thousands.
      for (let i = hops.length - 1; i >= Math.max(0, hops.length - MAX_HOPS); i--) {
        const written = hops[i].trim();
        const hop = normalized(withoutPort(written));
        // A hop no address can be read from is counted by what it says, never as the balancer.
        if (!hop) return `unreadable:${digestKey(written)}`;
        address = hop;
        if (!this.isTrusted(hop)) break;
      }
    }
    return address ? countingKey(address) : 'unknown';
  }

  private isTrusted(address: string): boolean {
    return this.trusted.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
  }
}

const MAX_HOPS = 16;

/** `203.0.113.7:54321` and `[2001:db8::1]:443`, as some balancers write them, without the port. */
function withoutPort(hop: string): string {
  const bracketed = /^\[([0-9a-fA-F:.%\w]+)\](?::\d{1,5})?$/.exec(hop);
  if (bracketed) return bracketed[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(hop);
  return v4 ? v4[1] : hop;
}

/** An IP address as written by `net` (IPv4-mapped IPv6 as IPv4), or null when it is not one. */
function normalized(address: string | undefined): string | null {
  if (!address) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  return isIPv4(address) || isIPv6(address) ? address : null;
}

function countingKey(address: string): string {
  if (isIPv4(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, each as a lowercase number without leading zeros. */
function expandIPv6(address: string): string[] {
  const withoutZone = address.split('%')[0];
  const [head, tail] = withoutZone.includes('::') ? withoutZone.split('::') : [withoutZone, null];
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === null ? [] : groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4 forms other than the mapped one) fills two groups.
  const last = right.length ? right : left;
  const v4 = last.length && isIPv4(last[last.length - 1]) ? last.pop()!.split('.').map(Number) : null;
  if (v4) last.push(((v4[0] << 8) | v4[1]).toString(16), ((v4[2] << 8) | v4[3]).toString(16));
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: tail === null ? 0 : missing }, () => '0'), ...right].map((group) =>
    parseInt(group, 16).toString(16),
  );
}

/** ONE_WINDOW_TRUSTED_PROXIES: the load balancers' addresses or blocks, comma-separated; none by default. */
export function trustedProxies(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ONE_WINDOW_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((cidr) => cidr.trim())
    .filter(Boolean);
}
