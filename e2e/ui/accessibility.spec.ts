// axe-core on every main page, as every role, in the light theme, and in the dark theme as the admin
// (who sees every page). Zero critical and zero serious violations; each failure names the page, the
// rule and the first offending elements, so a red run says what to fix.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { authFile, expect, ROLES, test, type Role } from "../fixtures";

/** Fixed pages, then detail pages found by following the first link of a list (ids differ per run). */
const FIXED = [
  "/", "/services", "/services/checkout-api", "/services/new", "/teams", "/teams/checkout", "/people",
  "/runbooks", "/runbooks?q=checkout-api", "/runbooks/templates", "/runbooks/new",
  "/oncall", "/oncall/checkout", "/oncall/checkout?view=month", "/oncall/me", "/oncall/report", "/oncall/holidays",
  "/deployments", "/deployments/metrics", "/deployments/environments", "/deployments/api",
  "/changes", "/changes/new", "/changes/calendar", "/changes/cab", "/changes/flags", "/changes/freezes", "/changes/patterns", "/changes/checks",
  "/incidents", "/incidents/new",
  "/audit", "/notifications", "/notifications/settings", "/jobs",
];

/** [list page, link pattern]: the detail page behind the list's first matching link. */
const DETAILS: [string, RegExp][] = [
  ["/runbooks?q=checkout", /^\/runbooks\/[^/?]+\/[^/?]+$/],
  ["/changes", /^\/changes\/[a-z0-9]{20,}$/],
  ["/deployments", /^\/deployments\/[a-z0-9-]{20,}$/],
  ["/people", /^\/people\/[a-z0-9]{20,}$/],
  ["/changes/patterns", /^\/changes\/patterns\/[a-z0-9-]+$/],
  ["/oncall/holidays", /^\/oncall\/holidays\/[a-z0-9-]+$/],
  ["/incidents", /^\/incidents\/[0-9a-f-]{36}$/],
];

async function detailPages(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const [list, pattern] of DETAILS) {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const href = hrefs.find((candidate) => pattern.test(candidate) && !candidate.endsWith("/new"));
    if (href) {
      found.push(href);
      // A change's evidence pack and a runbook's history and editor are main pages too.
      if (list === "/changes") found.push(`${href}/evidence`);
      if (list.startsWith("/runbooks")) found.push(`${href}/history`, `${href}/edit`);
    }
  }
  return found;
}

type Finding = { path: string; rule: string; impact: string; help: string; targets: string[] };

async function scan(page: Page, path: string): Promise<Finding[]> {
  await page.goto(path);
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .map((violation) => ({
      path, rule: violation.id, impact: violation.impact!, help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
}

/** The pages in chunks: several short tests share the workers and each fits its timeout on a busy machine. */
const CHUNK = 12;
const chunks = Array.from({ length: Math.ceil(FIXED.length / CHUNK) }, (_, index) => FIXED.slice(index * CHUNK, (index + 1) * CHUNK));

async function scanPaths(page: Page, paths: readonly string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of paths) findings.push(...(await scan(page, path)));
  return findings;
}

// Read-only scans: the runs are independent, so they share the workers.
test.describe.configure({ mode: "parallel" });

for (const role of ROLES) {
  for (const scheme of role === "admin" ? (["light", "dark"] as const) : (["light"] as const)) {
    test.describe(`accessibility as ${role} (${scheme})`, () => {
      test.use({ storageState: authFile(role as Role), colorScheme: scheme });
      test.setTimeout(300_000);

      chunks.forEach((paths, index) => {
        test(`main pages ${index + 1} of ${chunks.length + 1} have no critical or serious axe violation`, async ({ page }) => {
          expect(await scanPaths(page, paths)).toEqual([]);
        });
      });
      test(`detail pages (${chunks.length + 1} of ${chunks.length + 1}) have no critical or serious axe violation`, async ({ page }) => {
        if (scheme === "dark") {
          await page.goto("/");
          await expect(page.locator("html")).toHaveClass(/dark/);
        }
        expect(await scanPaths(page, await detailPages(page))).toEqual([]);
      });
    });
  }
}
