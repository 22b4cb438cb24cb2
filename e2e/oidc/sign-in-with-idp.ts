// The browser's side of single sign-on: the portal's button, the provider's login and consent pages,
// and what the authorization request carried. Shared by the OIDC specs.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../fixtures";
import type { IdpEvent } from "./identity-provider";
import type { IdpAccount } from "./idp-accounts";
import { IDP_DISPLAY_NAME, IDP_ISSUER, type OidcPortal } from "./portals";

/**
 * Clicks "Sign in with Test IdP", signs in at the provider as `account` and allows sharing; returns
 * the authorization request the browser sent to the provider. Where the browser lands afterwards is
 * the portal's decision, for the caller to check.
 */
export async function signInWithIdp(page: Page, account: IdpAccount): Promise<URL> {
  const authorizationRequests: URL[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === IDP_ISSUER && url.pathname === "/auth") authorizationRequests.push(url);
  });

  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${IDP_DISPLAY_NAME}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Test IdP sign-in" })).toBeVisible();
  await page.getByLabel("Email address").fill(account.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Share your details" })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await page.waitForURL((url) => url.origin !== IDP_ISSUER);

  expect(authorizationRequests, "exactly one authorization request reached the provider").toHaveLength(1);
  return authorizationRequests[0]!;
}

/** Authorization code flow with PKCE (S256) and state, asking for the email. */
export function expectCodeFlowWithPkce(request: URL, portal: OidcPortal) {
  const params = request.searchParams;
  expect(params.get("response_type")).toBe("code");
  expect(params.get("client_id")).toBe(portal.clientId);
  expect(params.get("redirect_uri")).toBe(`${portal.portalUrl}/api/auth/callback/oidc`);
  expect(params.get("code_challenge_method")).toBe("S256");
  expect(params.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/); // base64url of a SHA-256
  expect(params.get("state")).toBeTruthy();
  expect(params.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["openid", "email"]));
}

/** The provider's own record: it accepted a PKCE authorization and the code exchange sent a verifier. */
export async function expectProviderSawPkce(request: APIRequestContext, portal: OidcPortal, account: IdpAccount) {
  const response = await request.get(`${IDP_ISSUER}/_test/events`);
  expect(response.ok()).toBe(true);
  const events = (await response.json()) as IdpEvent[];
  expect(events).toContainEqual(expect.objectContaining({ type: "authorization", clientId: portal.clientId, codeChallengeMethod: "S256", hasCodeChallenge: true, hasState: true }));
  expect(events).toContainEqual({ type: "token", clientId: portal.clientId, accountId: account.email, sentCodeVerifier: true });
}

/** The demo admin's password sign-in (the portals run the embedded demo), to look at what was written. */
export async function signInAsDemoAdmin(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill("admin@runwell.local");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Ada" })).toBeVisible();
}

/** The /people search result row of an email, or none. */
export async function peopleRow(page: Page, email: string) {
  await page.goto(`/people?q=${encodeURIComponent(email)}`);
  return page.getByRole("row").filter({ hasText: email });
}
