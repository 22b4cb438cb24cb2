// An engineer registers a service for their team; the change manager then finds the event in the
// audit trail and verifies the hash chain.
import { ACCOUNTS, authFile, expect, field, slugFor, test, uniqueServiceName } from "../fixtures";

test.use({ storageState: authFile("engineer") });

test("engineer creates a Checkout service, and the change manager sees it audited", async ({ page, pageAs }) => {
  const name = uniqueServiceName("Create");
  const slug = slugFor(name);

  await page.goto("/services");
  await page.getByRole("link", { name: "New service" }).click();
  await expect(page).toHaveURL("/services/new");
  await field(page, "Name").fill(name);
  await expect(field(page, "Slug")).toHaveValue(slug);
  // Erin is only in Checkout, so it is the one team offered and comes preselected.
  await expect(field(page, "Owning team").locator("option:checked")).toHaveText("Checkout");
  await field(page, "Description").fill("Created by the Playwright suite.");
  await field(page, "Repository").fill(`https://git.runwell.local/checkout/${slug}`);
  await page.getByRole("button", { name: "Create service" }).click();

  await expect(page).toHaveURL(`/services/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByRole("heading", { name: "Owned by Checkout" })).toBeVisible();
  const history = page.getByRole("list", { name: "Change history" });
  const created = history.getByRole("listitem").filter({ hasText: `${ACCOUNTS.engineer.name} created the service ${name} for Checkout` });
  await expect(created).toHaveCount(1);
  await expect(created.getByRole("link", { name: ACCOUNTS.engineer.name })).toHaveAttribute("href", /^\/people\//);
  // The event's exact time (ms) identifies its row in the audit table.
  const occurredAt = await created.locator("time").getAttribute("datetime");
  expect(occurredAt).toBeTruthy();

  const audit = await pageAs("change-manager");
  await audit.goto("/audit");
  await audit.getByLabel("Entity", { exact: true }).selectOption("Service");
  await audit.getByRole("button", { name: "Apply filters" }).click();
  await expect(audit).toHaveURL(/[?&]entityType=Service(&|$)/);
  const row = audit.getByRole("row").filter({ has: audit.locator(`time[datetime="${occurredAt}"]`) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${ACCOUNTS.engineer.name} created the service ${name} for Checkout`);
  await expect(row.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/services/${slug}`);
  // The raw event stays one click away.
  await row.getByText("Raw event").click();
  await expect(row.getByText("service.create", { exact: true })).toBeVisible();
  await expect(row).toContainText(ACCOUNTS.engineer.email);

  await audit.getByRole("button", { name: "Verify chain" }).click();
  await expect(audit.getByRole("status")).toHaveText(/^Chain intact: \d+ events verified\.$/);
});
