// The change manager's lists through the real UI: the changes list's count, keyset pages and filters;
// the flags page listing each flag once; a freeze dated 2020 refused with a field error and the freeze
// scope select listing only the chosen kind; the CAB agenda and the evidence pack on a 390 px phone.
import type { Page } from "@playwright/test";
import { authFile, expect, field, test } from "../fixtures";

test.use({ storageState: authFile("change-manager") });

const rowsOf = (page: Page) => page.getByRole("table", { name: /^Change requests/ }).locator("tbody tr");
const firstColumn = async (page: Page) => (await rowsOf(page).locator("td:first-child a").allTextContents()).map((text) => text.trim());

test("the changes list shows a count, pages forward and back, and filters by service", async ({ page }) => {
  await page.goto("/changes");
  const count = page.locator("#change-count");
  await expect(count).toHaveText(/^\d[\d,]* changes$/);
  const total = Number((await count.textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(25);
  await expect(rowsOf(page)).toHaveCount(25);
  const first = await firstColumn(page);

  await page.getByRole("link", { name: "Older changes →" }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  await expect(rowsOf(page).first()).toBeVisible();
  const second = await firstColumn(page);
  expect(second.some((number) => first.includes(number))).toBe(false);

  await page.getByRole("link", { name: "← Newer changes" }).click();
  await expect(page).toHaveURL(/[?&]before=/);
  await expect.poll(() => firstColumn(page)).toEqual(first);

  const filters = page.getByRole("search", { name: "Filter changes" });
  await filters.getByLabel("Service").selectOption({ label: "Checkout API" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]service=checkout-api/);
  await expect(count).toHaveText(/^\d[\d,]* changes? match the filters$/);
  const services = await rowsOf(page).locator("td:nth-child(2)").allTextContents();
  expect(services.length).toBeGreaterThan(0);
  for (const service of services) expect(service).toContain("Checkout API");
  // The filter stays in the query string of the page links.
  const older = page.getByRole("link", { name: "Older changes →" });
  if (await older.count()) await expect(older).toHaveAttribute("href", /service=checkout-api/);

  await filters.getByLabel("Number or summary").fill(first[0]!);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]q=CHG-/);
});

test("the flags page lists each flag once", async ({ page }) => {
  await page.goto("/changes/flags");
  const rows = page.getByRole("table", { name: "Flagged deployments" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  // What a person reads as "the flag": the deployment's service and version, the kind and the message.
  const keys = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.querySelector("td:first-child a")?.textContent?.trim()} | ${tr.querySelector("td:nth-child(2)")?.textContent?.trim()}`));
  expect(new Set(keys).size).toBe(keys.length);
});

test("a freeze dated 2020 gets a field error; the scope select lists only the chosen kind", async ({ page }) => {
  await page.goto("/changes/freezes");
  const form = page.getByRole("region", { name: "Declare a freeze" });
  await expect(form.getByLabel(/^Which/)).toHaveCount(0); // the whole organisation: nothing to choose

  await form.getByLabel(/^Covers/).selectOption("DOMAIN");
  const target = form.getByLabel(/^Which domain/);
  await expect(target.locator("option")).toContainText(["Choose…", "Customer", "Payments"]);
  await expect(target).not.toContainText("Checkout API");
  await expect(target).not.toContainText("Ledger");
  await form.getByLabel(/^Covers/).selectOption("TEAM");
  const team = form.getByLabel(/^Which team/);
  await expect(team).toContainText("Ledger");
  await expect(team).not.toContainText("Payments");
  await expect(team).not.toContainText("Checkout API");
  await form.getByLabel(/^Covers/).selectOption("ORGANISATION");

  const name = `E2E old freeze ${Date.now().toString(36)}`;
  await field(page, "Name").fill(name);
  await field(page, "Starts (UTC)").fill("2020-03-01T10:00");
  await field(page, "Ends (UTC)").fill("2020-03-02T10:00");
  await form.getByRole("button", { name: "Declare freeze" }).click();
  await expect(field(page, "Starts (UTC)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/That is in the past: give a date from \d{4}-\d\d-\d\d on\./).first()).toBeVisible();
  await page.reload();
  await expect(page.getByText(name)).toHaveCount(0);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  test("the CAB agenda and the evidence pack have no horizontal overflow", async ({ page }) => {
    await page.goto("/changes/cab");
    await expect(page.getByRole("heading", { level: 1, name: "CAB agenda" })).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

    await page.goto("/changes");
    const link = rowsOf(page).first().locator("td:first-child a");
    const href = await link.getAttribute("href");
    await page.goto(`${href}/evidence`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Evidence pack");
    await expect(page.getByRole("region", { name: "Audit events" })).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  });
});

test("pattern form errors name the field as the form shows it, not its input name", async ({ page }) => {
  await page.goto("/changes/patterns/new");
  await field(page, "Name").fill("E2E labels pattern");
  await field(page, "Slug").fill(`e2e-labels-${Date.now().toString(36)}`);
  await page.getByRole("checkbox", { name: /^Change failure rate/ }).check();
  await page.getByLabel("At most (%)").fill("150");
  await page.getByRole("button", { name: "Create pattern" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Some fields need attention." });
  await expect(summary).toContainText("Change failure rate, at most (%):");
  await expect(summary).not.toContainText("rule-change-failure-rate");
});
