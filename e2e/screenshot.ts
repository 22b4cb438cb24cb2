// The README screenshot: /services as the product manager, 1440×900, light theme.
// Run against a running server: `npx tsx e2e/screenshot.ts` (BASE_URL defaults to http://localhost:3100).
// Not a spec (no .spec/.test in the name), so `playwright test` leaves it alone.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, expect } from "@playwright/test";
import { ACCOUNTS, signInThroughForm } from "./fixtures";

const BASE_URL = process.env.BASE_URL ?? "http://localhost:3100";
const OUTPUT = path.join(import.meta.dirname, "..", "docs", "screenshot.png");

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1440, height: 900 }, colorScheme: "light" });
    // next-themes reads its choice from localStorage; pin light whatever the person picked before.
    await context.addInitScript(() => window.localStorage.setItem("theme", "light"));
    const page = await context.newPage();
    await signInThroughForm(page, ACCOUNTS["product-manager"].email);
    await expect(page).toHaveURL(`${BASE_URL}/`, { timeout: 30_000 });

    await page.goto("/services");
    await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
    await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    await page.evaluate(() => document.fonts.ready);

    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    await page.screenshot({ path: OUTPUT });
    console.log(`Saved ${path.relative(process.cwd(), OUTPUT)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
