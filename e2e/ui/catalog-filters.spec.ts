// The catalog's GET filter form. Ledger and its services come from the demo seed; no spec writes to Ledger.
// (The demo moved Legacy Invoicing from Ledger to Accounts forty days ago: prisma/seed/demo-hypotheses.ts.)
import type { Page } from "@playwright/test";
import { authFile, expect, test } from "../fixtures";

test.use({ storageState: authFile("product-manager") });

const rows = (page: Page) => page.getByRole("table").locator("tbody tr");
const serviceNames = (page: Page) => rows(page).locator("td:nth-child(1) > a");
const owningTeams = (page: Page) => rows(page).locator("td:nth-child(2) > a");

test("filtering by team shows only that team's services", async ({ page }) => {
  await page.goto("/services");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Ledger" });
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(/[?&]team=ledger(&|$)/);
  await expect(page.getByText("2 services", { exact: true })).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  await expect(serviceNames(page)).toHaveText(["Ledger Core", "Reconciliation Jobs"]);
  await expect(owningTeams(page)).toHaveText(["Ledger", "Ledger"]);
  // The form shows the filter it applied.
  await expect(page.getByLabel("Team", { exact: true }).locator("option:checked")).toHaveText("Ledger");
});

test("searching by a service's name finds it", async ({ page }) => {
  await page.goto("/services");
  await page.getByRole("searchbox", { name: "Search" }).fill("Reconciliation Jobs");
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(/[?&]q=Reconciliation(\+|%20)Jobs(&|$)/);
  await expect(page.getByText("1 service", { exact: true })).toBeVisible();
  await expect(serviceNames(page)).toHaveText(["Reconciliation Jobs"]);
  await expect(owningTeams(page)).toHaveText(["Ledger"]);
});
