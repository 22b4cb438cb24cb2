// Authorisation regressions: editing is for the owning team, the audit trail for change managers and admins.
import { authFile, expect, expectForbiddenPage, test } from "../fixtures";

test.describe("engineer of Checkout", () => {
  test.use({ storageState: authFile("engineer") });

  test("may edit a Checkout service", async ({ page }) => {
    await page.goto("/services/checkout-api");
    await expect(page.getByRole("link", { name: "Edit service" })).toBeVisible();
  });

  test("cannot edit a service owned by Ledger", async ({ page }) => {
    await page.goto("/services/ledger-core");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Ledger Core");
    await expect(page.getByRole("heading", { name: "Owned by Ledger" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);

    const response = await page.goto("/services/ledger-core/edit");
    expect(response?.status()).toBe(403);
    await expectForbiddenPage(page);
    await expect(page.getByRole("button", { name: "Archive service" })).toHaveCount(0);
  });
});

test.describe("product manager", () => {
  test.use({ storageState: authFile("product-manager") });

  test("gets the 403 page on /audit and a 403 from the verify API", async ({ page }) => {
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await expectForbiddenPage(page);

    const verify = await page.request.get("/api/v1/audit/verify");
    expect(verify.status()).toBe(403);
    expect(await verify.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });
});

test.describe("change manager", () => {
  test.use({ storageState: authFile("change-manager") });

  test("can verify the audit chain through the API", async ({ page }) => {
    const verify = await page.request.get("/api/v1/audit/verify");
    expect(verify.status()).toBe(200);
    const body = (await verify.json()) as { ok: boolean; checked: number; firstBrokenEventId: string | null };
    expect(body.ok).toBe(true);
    expect(body.checked).toBeGreaterThan(0);
    expect(body.firstBrokenEventId).toBeNull();
  });
});
