// A team member archives a service: it leaves the catalog and comes back with "Include archived".
import { authFile, createServiceThroughForm, expect, test, uniqueServiceName } from "../fixtures";

test.use({ storageState: authFile("engineer") });

test("a team member archives a service they created", async ({ page }) => {
  const name = uniqueServiceName("Archive");
  const slug = await createServiceThroughForm(page, { name, description: "Made to be archived." });

  await page.getByRole("link", { name: "Edit service" }).click();
  await expect(page).toHaveURL(`/services/${slug}/edit`);
  const confirmed = new Promise<string>((resolve) => {
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    });
  });
  await page.getByRole("button", { name: "Archive service" }).click();
  expect(await confirmed).toContain(`Archive ${name}?`);

  await expect(page).toHaveURL(`/services/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Archived");
  await expect(page.getByRole("list", { name: "Change history" }).getByRole("listitem").filter({ hasText: `archived the service ${name}` })).toHaveCount(1);

  await page.goto("/services");
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);

  // Searched for by name: the catalogue shows 50 services a page, and the suite adds services to it.
  await page.getByLabel("Archived services", { exact: true }).selectOption({ label: "Include archived" });
  await page.getByRole("searchbox", { name: "Search" }).fill(name);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]archived=include(&|$)/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Archived");
});
