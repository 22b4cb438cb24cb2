import { describe, expect, it } from "vitest";
import { addressBucket, clientAddress, FORWARDED_CHAIN_HEADER, normaliseAddress, parseTrustedProxies, separateForwardedFor } from "./client-address";

/** Headers as a route handler sees them: proxy.ts moved the received X-Forwarded-For, Next.js wrote the peer. */
function routeHeaders(received: string | null, peer: string): Headers {
  const headers = new Headers(received === null ? {} : { "x-forwarded-for": received });
  separateForwardedFor(headers);
  headers.set("x-forwarded-for", peer);
  return headers;
}

describe("separateForwardedFor", () => {
  it("moves the received X-Forwarded-For aside, so Next.js fills it from the socket", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" });
    separateForwardedFor(headers);
    expect(headers.get("x-forwarded-for")).toBeNull();
    expect(headers.get(FORWARDED_CHAIN_HEADER)).toBe("203.0.113.9, 10.0.0.2");
  });

  it("drops a chain header the client sent itself", () => {
    const headers = new Headers({ [FORWARDED_CHAIN_HEADER]: "198.51.100.1" });
    separateForwardedFor(headers);
    expect(headers.get(FORWARDED_CHAIN_HEADER)).toBeNull();
  });
});

describe("clientAddress", () => {
  const none = parseTrustedProxies("");

  it.each([
    ["no proxy trusted: a client's X-Forwarded-For is ignored", "", "198.51.100.7", "127.0.0.1", "127.0.0.1"],
    ["no proxy trusted, no header", "", null, "::ffff:192.0.2.10", "192.0.2.10"],
    ["a trusted proxy: the address it appended", "10.0.0.0/8", "198.51.100.7", "10.0.0.5", "198.51.100.7"],
    ["two trusted hops", "10.0.0.0/8", "198.51.100.7, 10.1.1.1", "10.0.0.5", "198.51.100.7"],
    ["a forged entry left of the real client is not believed", "10.0.0.0/8", "1.1.1.1, 198.51.100.7", "10.0.0.5", "198.51.100.7"],
    ["a request straight to the port, not from the proxy", "10.0.0.0/8", "1.1.1.1", "192.0.2.44", "192.0.2.44"],
    ["loopback by name", "loopback", "198.51.100.7", "::1", "198.51.100.7"],
    ["garbage in the chain stops at the trusted proxy", "private", "not-an-ip", "192.168.1.2", "192.168.1.2"],
    ["IPv6 client through a trusted proxy", "private", "[2001:db8::1]:4711", "10.0.0.5", "2001:db8::1"],
  ])("%s", (_label, trusted, received, peer, expected) => {
    expect(clientAddress(routeHeaders(received, peer), parseTrustedProxies(trusted))).toBe(expected);
  });

  it("is 'unknown' without a peer", () => {
    expect(clientAddress(new Headers(), none)).toBe("unknown");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses an entry that is not an address, rather than trusting nothing", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/proxy.internal/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow();
  });

  it("matches single addresses and ranges of both families", () => {
    const trusted = parseTrustedProxies("192.0.2.1, 2001:db8::/32");
    expect(trusted("192.0.2.1")).toBe(true);
    expect(trusted("::ffff:192.0.2.1")).toBe(true);
    expect(trusted("192.0.2.2")).toBe(false);
    expect(trusted("2001:db8:1::5")).toBe(true);
    expect(trusted("2001:db9::5")).toBe(false);
  });
});

describe("normaliseAddress and addressBucket", () => {
  it.each([
    ["127.0.0.1:5000", "127.0.0.1"],
    ["[::1]:443", "::1"],
    ["FE80::1%eth0", "fe80::1"],
    ["::ffff:10.1.2.3", "10.1.2.3"],
    ["unknown", ""],
    ["", ""],
  ])("normaliseAddress(%j) = %j", (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:0db8:00aa::", "2001:db8:aa:0::/64"],
    ["64:ff9b::192.0.2.1", "64:ff9b:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("addressBucket(%j) = %j", (address, expected) => {
    expect(addressBucket(address)).toBe(expected);
  });
});
