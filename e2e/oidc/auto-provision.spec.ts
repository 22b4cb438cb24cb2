// Single sign-on on a portal with OIDC_AUTO_PROVISION=true: an email Runwell has never seen joins as
// an engineer on first sign-in, and the trail says the system created them. A deactivated person
// stays out: auto-provisioning does not bring them back.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { IDP_ACCOUNTS, type IdpAccount } from "./idp-accounts";
import { AUTO_PROVISION } from "./portals";
import { expectCodeFlowWithPkce, expectProviderSawPkce, peopleRow, signInAsDemoAdmin, signInWithIdp } from "./sign-in-with-idp";

async function signInFreshly(browser: Browser, account: IdpAccount): Promise<{ page: Page; authorization: URL }> {
  const page = await (await browser.newContext()).newPage();
  return { page, authorization: await signInWithIdp(page, account) };
}

test("an unknown email signs in, is created as an engineer, and the creation is audited", async ({ page, browser }) => {
  const newcomer = IDP_ACCOUNTS.newcomer;
  const authorization = await signInWithIdp(page, newcomer);

  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Nina" })).toBeVisible();
  expectCodeFlowWithPkce(authorization, AUTO_PROVISION);
  await expectProviderSawPkce(page.request, AUTO_PROVISION, newcomer);

  // Signing in again finds the person created the first time.
  const again = await signInFreshly(browser, newcomer);
  await expect(again.page.getByRole("heading", { level: 1, name: "Hello, Nina" })).toBeVisible();
  await again.page.context().close();

  const admin = await (await browser.newContext()).newPage();
  await signInAsDemoAdmin(admin);
  const row = await peopleRow(admin, newcomer.email);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(newcomer.name);
  await expect(row.getByRole("cell", { name: "Engineer", exact: true })).toBeVisible();

  await admin.goto("/audit?entityType=Person&action=person.create");
  // The trail says in words that Runwell's single sign-on created the person (lib/people/audit-sentences.ts).
  const events = admin.getByRole("row").filter({ hasText: newcomer.name });
  await expect(events).toHaveCount(1);
  await expect(events).toContainText(`Runwell (sso-provisioning) added ${newcomer.name} as an engineer`);
  const verified = await admin.request.get("/api/v1/audit/verify");
  expect(await verified.json()).toMatchObject({ ok: true });
  await admin.context().close();
});

test("a deactivated person is refused and not created again", async ({ page, browser }) => {
  const leaver = IDP_ACCOUNTS.leaver;
  const admin = await (await browser.newContext()).newPage();
  await signInAsDemoAdmin(admin);
  await (await peopleRow(admin, leaver.email)).getByRole("link", { name: leaver.name }).click();
  await admin.getByRole("link", { name: "Edit person" }).click();
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `${leaver.name} Deactivated` })).toBeVisible();

  await signInWithIdp(page, leaver);

  await expect(page).toHaveURL("/sign-in?error=Deactivated");
  await expect(page.getByRole("alert").filter({ hasText: "Your Runwell account is deactivated" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);

  await admin.goto("/audit?entityType=Person&action=person.create");
  await expect(admin.getByRole("row").filter({ hasText: leaver.name })).not.toHaveCount(0); // the demo seed's
  await expect(admin.getByRole("row").filter({ hasText: leaver.name }).filter({ hasText: "sso-provisioning" })).toHaveCount(0);
  await admin.context().close();
});
