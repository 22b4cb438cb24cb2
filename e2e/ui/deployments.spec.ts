// Deployment history, a deployment's page, the environments matrix and DORA metrics, on the demo seed's
// four months of history (prisma/seed/demo-deployments.ts).
import type { Page } from "@playwright/test";
import { authFile, expect, test } from "../fixtures";

test.use({ storageState: authFile("product-manager") });

const rows = (page: Page) => page.getByRole("table").locator("tbody tr");

test("history filters by service, environment and status, and opens a deployment with its checks and commits", async ({ page }) => {
  await page.goto("/deployments");
  await expect(page.getByRole("heading", { level: 1, name: "Deployments" })).toBeVisible();
  await page.getByLabel("Service", { exact: true }).selectOption({ label: "Ledger Core" });
  await page.getByLabel("Environment", { exact: true }).selectOption({ label: "Production" });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Succeeded" });
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(/service=ledger-core/);
  await expect(rows(page).first()).toBeVisible();
  const count = await rows(page).count();
  expect(count).toBeGreaterThan(3);
  await expect(rows(page).locator("td:nth-child(2) > a")).toHaveText(Array(count).fill("Ledger Core"));
  await expect(rows(page).locator("td:nth-child(3)")).toHaveText(Array(count).fill("Production"));
  await expect(rows(page).locator("td:nth-child(4)")).toHaveText(Array(count).fill("Succeeded"));

  const version = (await rows(page).first().locator("td:nth-child(1) a").textContent())!;
  await rows(page).first().locator("td:nth-child(1) a").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Ledger Core ${version} to Production`);
  await expect(page.getByRole("list", { name: "Health checks" }).getByText("smoke tests")).toBeVisible();
  await expect(page.getByRole("list", { name: "Commits" }).locator("li").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Change history" })).toContainText(`reported Ledger Core ${version} deployed`);
  await expect(page.getByText("Lead time", { exact: true })).toBeVisible();
});

test("a rollback links to the deployment it reverts", async ({ page }) => {
  await page.goto("/deployments?status=ROLLED_BACK&environment=production");
  await expect(rows(page).first()).toBeVisible();
  await rows(page).first().locator("td:nth-child(1) a").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rolled back");
  const replacedBy = page.locator("dt", { hasText: "Replaced by" }).locator("xpath=following-sibling::dd[1]");
  await expect(replacedBy).toContainText("(rollback)");
});

test("the environments matrix shows what runs where, and filters by team", async ({ page }) => {
  await page.goto("/deployments/environments");
  const table = page.getByRole("table", { name: /What is deployed where/ });
  await expect(table.getByRole("columnheader")).toHaveText(["Service", "Development", "Staging", "Production"]);
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Notifications" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/team=notifications/);
  await expect(table.getByRole("rowheader")).toHaveCount(3);
  const smsRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /SMS Gateway/ }) });
  await expect(smsRow.getByRole("cell").nth(0)).toHaveText("Not deployed");
  await expect(smsRow.getByRole("cell").nth(2).getByRole("link")).toHaveText(/^\d{4}\.\d{2}\.\d{2}-\d+$/);
  await expect(smsRow.getByRole("cell").nth(2)).toContainText("since");
});

test("DORA metrics for the organisation and for one service, with the weekly trend", async ({ page }) => {
  await page.goto("/deployments/metrics");
  await expect(page.getByRole("heading", { level: 2, name: "The organisation, last 90 days" })).toBeVisible();
  for (const label of ["Deployment frequency", "Lead time for changes", "Change failure rate", "Time to restore"]) {
    await expect(page.getByRole("term").filter({ hasText: label })).toBeVisible();
  }
  await expect(page.getByText("DORA performance band:")).toContainText(/Elite|High|Medium|Low/);
  // Other specs add services while this runs, so look for the demo's rather than count them all.
  const perService = page.getByRole("table", { name: "Each service against its deployment target" });
  for (const name of ["Checkout API", "Ledger Core", "SMS Gateway"]) {
    await expect(perService.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) })).toContainText(/Met|Missed/);
  }
  await expect(page.getByRole("figure", { name: "Deployments and failures per week" }).locator("svg").first()).toBeVisible();

  await page.getByLabel("Service", { exact: true }).selectOption({ label: "Checkout API" });
  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Last 30 days" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Checkout API, last 30 days" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "target daily:" })).toBeVisible();
  await page.getByText("The numbers behind the charts").click();
  await expect(page.getByRole("table", { name: /per week/ }).locator("tbody tr")).not.toHaveCount(0);
});
