// Who is on the other end of a request, for per-address limits. Next.js gives route handlers no socket,
// only headers, and it fills X-Forwarded-For from the socket only when the request has none, so a client
// could name any address it likes. proxy.ts therefore moves whatever X-Forwarded-For arrived into
// FORWARDED_CHAIN_HEADER and removes it; Next.js then writes the socket's peer into X-Forwarded-For.
// The chain is believed only as far as RUNWELL_TRUSTED_PROXIES allows (docs/SECURITY.md).
import { BlockList, isIP } from "node:net";

/** X-Forwarded-For as it arrived, moved aside by proxy.ts. Any value a client sends under this name is replaced. */
export const FORWARDED_CHAIN_HEADER = "x-runwell-forwarded-for";

/** For proxy.ts: the received X-Forwarded-For goes to FORWARDED_CHAIN_HEADER; X-Forwarded-For is left to Next.js. */
export function separateForwardedFor(headers: Headers): void {
  const received = headers.get("x-forwarded-for");
  headers.delete("x-forwarded-for");
  if (received) headers.set(FORWARDED_CHAIN_HEADER, received);
  else headers.delete(FORWARDED_CHAIN_HEADER);
}

export type TrustedProxies = (address: string) => boolean;

const NAMED_RANGES: Record<string, [string, number, "ipv4" | "ipv6"][]> = {
  loopback: [["127.0.0.0", 8, "ipv4"], ["::1", 128, "ipv6"]],
  private: [["10.0.0.0", 8, "ipv4"], ["172.16.0.0", 12, "ipv4"], ["192.168.0.0", 16, "ipv4"], ["fc00::", 7, "ipv6"]],
};

/**
 * RUNWELL_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges of the proxies in front of the
 * portal, or the names `loopback` and `private`. Empty: no proxy is trusted, the socket's peer is the client.
 * Throws on an entry that is not an address, so a typo does not silently trust nothing.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const entries = (spec ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const named = NAMED_RANGES[entry.toLowerCase()];
    if (named) {
      for (const [network, prefix, type] of named) list.addSubnet(network, prefix, type);
      continue;
    }
    const [address = "", prefixText] = entry.split("/");
    const family = isIP(address);
    const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`RUNWELL_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return (address) => {
    const plain = normaliseAddress(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
  };
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; brackets, ports and zone ids dropped; not an address → "". */
export function normaliseAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : "";
}

/**
 * The client's address: the socket's peer (which Next.js put in X-Forwarded-For after proxy.ts cleared
 * it), and, while that hop is a trusted proxy, the entry it appended before it, right to left.
 * "unknown" when there is no usable address (then all such requests share one bucket).
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string {
  const peer = normaliseAddress(headers.get("x-forwarded-for")?.split(",").at(-1) ?? "");
  if (!peer) return "unknown";
  const chain = (headers.get(FORWARDED_CHAIN_HEADER) ?? "").split(",").map(normaliseAddress);
  let client = peer;
  while (trusted(client) && chain.length > 0) {
    const previous = chain.pop()!;
    // A hop that wrote garbage cannot be followed further; the trusted proxy is the best we know.
    if (!previous) break;
    client = previous;
  }
  return client;
}

/** The bucket of an address: IPv6 clients get a /64 each (one host usually holds a whole /64). */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  // An embedded IPv4 tail ("64:ff9b::192.0.2.1") is two groups.
  const hex = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`);
  const [head = "", tail = ""] = hex.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = hex.includes("::")
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
