import { describe, expect, it } from "vitest";
import { createRouteMatcher, UNMATCHED_ROUTE } from "./route-patterns";

// The shape of .next/routes-manifest.json, with regexes as Next writes them.
const route = createRouteMatcher({
  staticRoutes: [{ page: "/" }, { page: "/api/v1/deployments" }, { page: "/services" }, { page: "/services/new" }, { page: "/api/v1/openapi.json" }],
  dynamicRoutes: [
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/api/v1/deployments/[id]/health-checks", regex: "^/api/v1/deployments/([^/]+?)/health\\-checks(?:/)?$" },
    { page: "/services/[slug]", regex: "^/services/([^/]+?)(?:/)?$" },
    { page: "/services/[slug]/edit", regex: "^/services/([^/]+?)/edit(?:/)?$" },
  ],
});

describe("route patterns", () => {
  it.each([
    ["/", "/"],
    ["/?tab=1", "/"],
    ["/api/v1/deployments", "/api/v1/deployments"],
    ["/api/v1/deployments/", "/api/v1/deployments"],
    ["/api/v1/deployments?limit=5", "/api/v1/deployments"],
    ["/api/v1/deployments/dep_123/health-checks", "/api/v1/deployments/[id]/health-checks"],
    ["/api/v1/openapi.json", "/api/v1/openapi.json"],
    ["/services/new", "/services/new"], // the static page wins over [slug]
    ["/services/checkout-api", "/services/[slug]"],
    ["/services/checkout-api/edit", "/services/[slug]/edit"],
    ["/services/checkout-api.rsc", "/services/[slug]"],
    ["/SERVICES", "/services"],
    ["/api/auth/callback/oidc", "/api/auth/[...nextauth]"],
    ["/_next/static/chunks/app.js", "/_next/static"],
    ["/_next/image?url=x", "/_next"],
    ["/wp-login.php", UNMATCHED_ROUTE],
    ["/services/a/b/c", UNMATCHED_ROUTE],
  ])("%s → %s", (pathname, expected) => {
    expect(route(pathname)).toBe(expected);
  });
});
