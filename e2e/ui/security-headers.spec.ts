// The Content-Security-Policy holds on every main page: each is visited as a signed-in person and any
// `securitypolicyviolation` or CSP console error fails the test. The headers themselves are checked on
// a page and on an API answer, and theme switching (next-themes' nonced script) still works.
import type { Page } from "@playwright/test";
import { ACCOUNTS, authFile, expect, SIGNED_OUT, test } from "../fixtures";

type Violation = { directive: string; blocked: string; source: string; page: string };

/** Records every CSP violation of every document the page loads, and CSP errors on the console. */
async function watchCsp(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  await page.exposeFunction("__reportCspViolation", (violation: Violation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: unknown) => void }).__reportCspViolation;
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}`, page: location.pathname });
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push({ directive: "console", blocked: message.text(), source: message.location().url, page: page.url() });
    }
  });
  return violations;
}

const MAIN_PAGES = [
  "/",
  "/services",
  "/services/checkout-api",
  "/oncall",
  "/oncall/accounts",
  "/oncall/report",
  "/runbooks",
  "/deployments",
  // server-drawn SVG charts whose legends are coloured with inline style attributes
  "/deployments/metrics",
  "/changes",
  "/changes/calendar",
  "/teams",
  "/people",
  "/audit",
  "/notifications",
];

test.describe("as an admin", () => {
  test.use({ storageState: authFile("admin") });
  test.slow();

  test("the main pages load with no CSP violation", async ({ page }) => {
    const violations = await watchCsp(page);
    for (const path of MAIN_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    await page.goto("/deployments/metrics");
    await expect(page.locator('svg[data-chart="lead-time"]')).toBeVisible();
    // A runbook page: rendered markdown with highlighted code.
    await page.goto("/runbooks");
    const runbook = page.locator('main a[href^="/runbooks/"][href*="/"]').filter({ hasNotText: /template/i }).first();
    await runbook.click();
    await expect(page).toHaveURL(/\/runbooks\/[^/]+\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("theme switching works under the policy and survives a reload", async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto("/");
    await page.getByRole("button", { name: new RegExp(ACCOUNTS.admin.name) }).click();
    await page.getByRole("radio", { name: "Dark" }).check();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    // next-themes' inline script (nonced) sets the class again before the page paints.
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.getByRole("button", { name: new RegExp(ACCOUNTS.admin.name) }).click();
    await page.getByRole("radio", { name: "Light" }).check();
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    expect(violations).toEqual([]);
  });

  test("a page carries a fresh nonce on its scripts and the security headers", async ({ apiAs }) => {
    const request = await apiAs("admin");
    const first = await request.get("/services");
    const second = await request.get("/services");
    const policy = first.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(first.headers()).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(first.headers()["strict-transport-security"]).toBeUndefined();
  });
});

test.describe("API answers", () => {
  test("carry nosniff, framing and referrer headers, and HSTS behind an https proxy", async ({ apiAs }) => {
    const api = await apiAs("engineer");
    const plain = await api.get("/api/v1/services");
    expect(plain.status()).toBe(200);
    expect(plain.headers()).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();

    const proxied = await api.get("/api/v1/services", { headers: { "x-forwarded-proto": "https" } });
    expect(proxied.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8}/);
    const unauthenticated = await (await apiAs(null)).get("/api/v1/services");
    expect(unauthenticated.status()).toBe(401);
    expect(unauthenticated.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("the sign-in page loads with no CSP violation", async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Engineer" }).click();
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.engineer.email);
    expect(violations).toEqual([]);
  });
});
