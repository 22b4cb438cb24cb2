// Single sign-on on a portal that only lets registered people in (OIDC_AUTO_PROVISION off): the
// provider vouches for both people below; Runwell admits the one it knows and refuses the other.
import { expect, test } from "@playwright/test";
import { IDP_ACCOUNTS } from "./idp-accounts";
import { REGISTERED_ONLY } from "./portals";
import { expectCodeFlowWithPkce, expectProviderSawPkce, peopleRow, signInAsDemoAdmin, signInWithIdp } from "./sign-in-with-idp";

test("a registered email signs in through the provider with the code flow, PKCE and state", async ({ page }) => {
  const authorization = await signInWithIdp(page, IDP_ACCOUNTS.registered);

  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Erin" })).toBeVisible();
  expectCodeFlowWithPkce(authorization, REGISTERED_ONLY);
  await expectProviderSawPkce(page.request, REGISTERED_ONLY, IDP_ACCOUNTS.registered);

  await page.goto("/services");
  await expect(page).toHaveURL("/services");
});

test("an unknown email is refused with a message that says why, and nobody is created", async ({ page, browser }) => {
  await signInWithIdp(page, IDP_ACCOUNTS.unregistered);

  await expect(page).toHaveURL("/sign-in?error=NotRegistered");
  await expect(page.getByRole("alert").filter({ hasText: "Your account is not registered in Runwell; ask an admin to add you" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Test IdP" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);

  const admin = await (await browser.newContext()).newPage();
  await signInAsDemoAdmin(admin);
  await expect(await peopleRow(admin, IDP_ACCOUNTS.unregistered.email)).toHaveCount(0);
  await expect(admin.getByText("Nobody matches")).toBeVisible();
  await admin.context().close();
});

test("an email the provider has not verified is refused, even when it is registered", async ({ page }) => {
  await signInWithIdp(page, IDP_ACCOUNTS.unverified);

  await expect(page).toHaveURL("/sign-in?error=EmailNotVerified");
  await expect(page.getByRole("alert").filter({ hasText: "has not verified your email address" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);
});
