// Admins run the organisation: people, roles and teams. Nobody else can, whatever the UI shows.
import { authFile, expect, expectForbiddenPage, field, test } from "../fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("admin", () => {
  test.use({ storageState: authFile("admin") });

  test("adds a person, changes their role, and makes them a member of a new team", async ({ page }) => {
    const id = unique();
    const email = `new.hire.${id}@runwell.local`;
    await page.goto("/people");
    await page.getByRole("link", { name: "Add person" }).click();
    await field(page, "Email").fill(email);
    await field(page, "Name").fill(`New Hire ${id}`);
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`New Hire ${id}`);

    await page.getByRole("link", { name: "Edit person" }).click();
    await field(page, "Role").selectOption("PRODUCT_MANAGER");
    await page.getByRole("button", { name: "Save person" }).click();
    await expect(page).toHaveURL(/\/people\/[^/]+$/);
    await expect(page.getByRole("definition").filter({ hasText: "Product manager" })).toBeVisible();

    await page.goto("/teams/new");
    await field(page, "Name").fill(`Platform ${id}`);
    await field(page, "Slug").fill(`platform-${id}`);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Platform ${id}` })).toBeVisible();

    await page.getByRole("link", { name: "Edit team" }).click();
    await field(page, "Person").selectOption({ label: `New Hire ${id} (${email})` });
    await page.getByRole("button", { name: "Add member" }).click();
    const members = page.getByRole("list", { name: `Members of Platform ${id}` });
    await expect(members.getByText(`New Hire ${id}`, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: `Make New Hire ${id} lead` }).click();
    await expect(members.getByText("Lead", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: `Unset New Hire ${id} as lead` })).toBeVisible();
  });

  test("gets field errors for an invalid team and nothing is created", async ({ page }) => {
    await page.goto("/teams/new");
    await field(page, "Slug").fill("Not A Slug");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.locator("main [role=alert]")).toContainText("Some fields need attention");
    await expect(field(page, "Slug")).toHaveValue("Not A Slug");
    await expect(field(page, "Name")).toHaveAccessibleDescription(/at least 2 characters/);
  });
});

test.describe("engineer", () => {
  test.use({ storageState: authFile("engineer") });

  test("cannot reach the admin pages", async ({ page }) => {
    for (const path of ["/teams/new", "/people/new", "/teams/checkout/edit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expectForbiddenPage(page);
    }
    await page.goto("/teams/checkout");
    await expect(page.getByRole("link", { name: "Edit team" })).toHaveCount(0);
  });
});
