// Which route a request path belongs to, as the pattern in app/ ("/api/v1/deployments/[id]/health-checks"),
// so latency is labelled by route and the number of label values stays bounded whatever URLs arrive.
// The table is Next's own: .next/routes-manifest.json lists the static routes and, in the order Next
// tries them, each dynamic route's regex. Anything else (Next's assets, unknown paths) gets a fixed label.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type RoutesManifest = {
  staticRoutes: { page: string }[];
  dynamicRoutes: { page: string; regex: string }[];
};

export const UNMATCHED_ROUTE = "(unmatched)";

export type RouteMatcher = (pathname: string) => string;

/** `pathname` without the query; Next's RSC and prefetch variants of a page count as the page. */
function normalise(pathname: string): string {
  let clean = pathname.split("?")[0] ?? "/";
  clean = clean.replace(/\.segments\/.*$/, "").replace(/\.rsc$/, "");
  if (clean.length > 1 && clean.endsWith("/")) clean = clean.slice(0, -1);
  return clean === "" || clean === "/index" ? "/" : clean;
}

export function createRouteMatcher(manifest: RoutesManifest): RouteMatcher {
  // routes-manifest.json has `caseSensitive: false` here: Next matches paths regardless of case.
  const staticPages = new Map(manifest.staticRoutes.map((route) => [route.page.toLowerCase(), route.page]));
  const dynamic = manifest.dynamicRoutes.map((route) => ({ page: route.page, regex: new RegExp(route.regex, "i") }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return pathname.startsWith("/_next/static/") ? "/_next/static" : "/_next";
    const clean = normalise(pathname);
    const exact = staticPages.get(clean.toLowerCase());
    if (exact) return exact;
    for (const route of dynamic) if (route.regex.test(clean)) return route.page;
    return UNMATCHED_ROUTE;
  };
}

/** The matcher for the built app in `dir` (the server's working directory); unmatched for everything without a build. */
export function loadRouteMatcher(dir: string = process.cwd()): RouteMatcher {
  const file = path.join(dir, ".next", "routes-manifest.json");
  if (!existsSync(file)) return (pathname) => (pathname.startsWith("/_next/") ? "/_next" : UNMATCHED_ROUTE);
  return createRouteMatcher(JSON.parse(readFileSync(file, "utf8")) as RoutesManifest);
}
