// Signing in and out through the real form, the home page and navigation each role gets,
// and the redirect that keeps signed-out visitors out of the portal.
import { ACCOUNTS, authFile, expect, signInThroughForm, test, type Role } from "../fixtures";

/** What each role's home shows first, and its primary navigation in order (components/shell/nav-items.ts). */
const NAV = ["Home", "Services", "Runbooks", "On-call", "Incidents", "Reviews", "Deployments", "Changes", "Teams", "People"];
const WITH_AUDIT = [...NAV, "Audit"];
const WITH_SETTINGS = [...WITH_AUDIT, "Settings"];
const HOME: Record<Role, { section: string; nav: string[] }> = {
  engineer: { section: "Your teams' services", nav: NAV },
  "product-manager": { section: "Your services by availability target", nav: NAV },
  "change-manager": { section: "Latest changes", nav: WITH_AUDIT },
  admin: { section: "People without a team", nav: WITH_SETTINGS },
};

test.describe("signing in", () => {
  for (const [role, home] of Object.entries(HOME) as [Role, (typeof HOME)[Role]][]) {
    test(`${role} signs in and sees their home and navigation`, async ({ page }) => {
      const account = ACCOUNTS[role];
      await signInThroughForm(page, account.email);

      await expect(page).toHaveURL("/");
      await expect(page.getByRole("heading", { level: 1, name: `Hello, ${account.name.split(" ")[0]}` })).toBeVisible();
      await expect(page.getByRole("heading", { name: home.section })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Primary" });
      await expect(nav.getByRole("link")).toHaveText(home.nav);
      await expect(page.getByRole("button", { name: new RegExp(account.name) })).toBeVisible();
    });
  }

  test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
    await signInThroughForm(page, ACCOUNTS.engineer.email, "not-the-password");

    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
    await expect(page).toHaveURL("/sign-in");
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.engineer.email);
  });
});

test.describe("signed out", () => {
  for (const path of ["/", "/services", "/audit"]) {
    test(`visiting ${path} redirects to sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    });
  }
});

test.describe("signing out", () => {
  test.use({ storageState: authFile("engineer") });

  test("the person menu signs out and the portal is closed afterwards", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: /Erin Engineer/ }).click();
    await page.getByRole("button", { name: "Sign out" }).click();

    await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);
    await page.goto("/services");
    await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);
  });
});
