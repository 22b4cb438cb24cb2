// Security headers, as pure functions: proxy.ts sets the per-request Content-Security-Policy on pages,
// next.config.ts sets the rest on every response (pages, route handlers, static files) without running
// any code per request. docs/SECURITY.md ("Headers") explains each choice.

/** One header, in the shape next.config.ts `headers()` takes. */
export type HeaderEntry = { key: string; value: string };

/** Two years, the HSTS preload list's minimum; no includeSubDomains: other hosts of the domain are not ours to upgrade. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000";

/** Sent on every response, whatever the scheme: none of them depends on the request. */
export const STATIC_SECURITY_HEADERS: readonly HeaderEntry[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors 'none' in the CSP does the same for browsers that know CSP level 2.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The portal uses none of these; a script that got in cannot ask for them either.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  // Pages opened from the portal (runbook links) cannot reach back through window.opener.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * `has` for next.config.ts: a TLS-terminating proxy in front says so in X-Forwarded-Proto (the first
 * entry is the scheme the browser used). A client sending it over plain http gains nothing: browsers
 * ignore HSTS received over http (RFC 6797 §8.1).
 */
export const FORWARDED_HTTPS = { type: "header", key: "x-forwarded-proto", value: "https(?:\\s*,.*)?" } as const;

/** The request header proxy.ts passes the page's nonce in, for the root layout (next-themes' script). */
export const NONCE_HEADER = "x-nonce";

/** A fresh nonce per page response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type CspOptions = { nonce: string; https: boolean; dev: boolean };

/**
 * The page policy. Scripts run only with this response's nonce; 'strict-dynamic' lets Next.js's
 * nonced loader add its chunks. <style> elements need the nonce as well (Next.js and next-themes add
 * it). Inline style *attributes* are allowed: chart legends and a few bars set colours and widths with `style`, and
 * React renders those into the server HTML; an injected attribute can restyle an element but cannot
 * run code or read the page (attribute selectors need a <style> element). Development needs eval for
 * React's error overlay and inline styles for Next's dev tools.
 */
export function contentSecurityPolicy({ nonce, https, dev }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    // Over plain http (a local demo) upgrading would point every asset at a port without TLS.
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** The first entry of X-Forwarded-Proto, lower-cased: the scheme the browser used, per the proxy nearest it. */
function forwardedProto(headers: Headers): string | undefined {
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
}

/**
 * Whether the browser reached us over https: a proxy says so, or the portal's public URL is https
 * (the proxy in front may not send X-Forwarded-Proto; NEXTAUTH_URL is what next-auth's Secure
 * cookies follow as well).
 */
export function servedOverHttps(headers: Headers, publicUrl: string | undefined): boolean {
  return forwardedProto(headers) === "https" || Boolean(publicUrl?.toLowerCase().startsWith("https://"));
}

/** Response headers of a page that proxy.ts adds to next.config.ts's static ones. */
export function pageSecurityHeaders(options: CspOptions): { "Content-Security-Policy": string; "Strict-Transport-Security"?: string } {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...(options.https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** next.config.ts `headers()`: the static headers everywhere, HSTS where a proxy reports https. */
export function configSecurityHeaders() {
  return [
    { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
    { source: "/:path*", has: [FORWARDED_HTTPS], headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] },
  ];
}
