import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import { config as proxyConfig } from "../../proxy";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "./security-headers";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "abc", https: true, dev: false }));

  it("runs only this response's scripts: a nonce, strict-dynamic, no unsafe-inline or eval", () => {
    expect(production["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(production["style-src"]).toEqual(["'self'", "'nonce-abc'"]);
    expect(JSON.stringify(production["script-src"])).not.toMatch(/unsafe/);
  });

  it("forbids framing, plugins and base changes, and upgrades requests over https only", () => {
    expect(production["frame-ancestors"]).toEqual(["'none'"]);
    expect(production["object-src"]).toEqual(["'none'"]);
    expect(production["base-uri"]).toEqual(["'none'"]);
    expect(production["upgrade-insecure-requests"]).toEqual([]);
    expect(directives(contentSecurityPolicy({ nonce: "abc", https: false, dev: false }))["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("allows eval and inline styles in development only (React's overlay, Next's dev tools)", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "abc", https: false, dev: true }));
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(dev["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(production["script-src"]).not.toContain("'unsafe-eval'");
  });
});

describe("nonces and https", () => {
  it("makes a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });

  it.each([
    [{ "x-forwarded-proto": "https" }, undefined, true],
    [{ "x-forwarded-proto": "HTTPS, http" }, undefined, true],
    [{ "x-forwarded-proto": "http" }, undefined, false],
    [{}, "https://runwell.example.com", true],
    [{}, "http://localhost:3000", false],
    [{}, undefined, false],
  ])("servedOverHttps(%j, %s) = %s", (headers, publicUrl, expected) => {
    expect(servedOverHttps(new Headers(headers), publicUrl)).toBe(expected);
  });

  it("adds HSTS to pages only over https", () => {
    expect(pageSecurityHeaders({ nonce: "n", https: true, dev: false })["Strict-Transport-Security"]).toBe(STRICT_TRANSPORT_SECURITY);
    expect(pageSecurityHeaders({ nonce: "n", https: false, dev: false })).not.toHaveProperty("Strict-Transport-Security");
  });
});

describe("proxy.ts matcher", () => {
  it.each([
    ["/", true],
    ["/services/checkout-api", true],
    ["/sign-in", true],
    ["/api/auth/callback/credentials", true],
    ["/api/v1/deployments", false],
    ["/api/health", false],
    ["/api/auth/session", false],
    ["/_next/static/chunks/main.js", false],
    ["/favicon.ico", false],
  ])("%s runs the proxy: %s", (path, expected) => {
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: path })).toBe(expected);
  });

  it("skips router prefetches", () => {
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: "/services", headers: { "next-router-prefetch": "1" } })).toBe(false);
  });
});

describe("next.config.ts headers", () => {
  it.each(["http://localhost/api/v1/deployments", "http://localhost/services", "http://localhost/_next/static/x.js"])("%s gets the static headers", async (url) => {
    const response = await unstable_getResponseFromNextConfig({ url, nextConfig });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS when a proxy says the browser used https", async () => {
    const response = await unstable_getResponseFromNextConfig({ url: "http://localhost/api/v1/services", nextConfig, headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
  });
});
