// A product manager writes an outcome hypothesis through the sentence form (each blank with its own
// error), links a production release of the service from the picker, and, the date having come (a
// hypothesis measured by today), records the result with evidence. The signals page shows the demo's
// ownership move with its evidence to a change manager and is refused to an engineer.
import { authFile, expect, test } from "../fixtures";

const RUN = Date.now().toString(36);

test.describe("product manager", () => {
  test.use({ storageState: authFile("product-manager") });

  test("writes a hypothesis, links a release and records the result", async ({ page }) => {
    await page.goto("/services/basket-service");
    const card = page.getByRole("region", { name: "Outcome hypotheses" });
    await expect(card).toContainText("baskets saved across devices");
    await card.getByRole("link", { name: "Write hypothesis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Write an outcome hypothesis" })).toBeVisible();

    await page.getByRole("button", { name: "Write hypothesis" }).click();
    await expect(page.getByText(/Say the capability you believe in/).first()).toBeVisible();
    await expect(page.getByText(/Give the date the metric must have moved by/).first()).toBeVisible();

    const capability = `a one-tap reorder button ${RUN}`;
    await page.getByLabel("We believe").fill(capability);
    await page.getByLabel("will result in").fill("more repeat orders");
    await page.getByLabel("We will know when").fill("the weekly repeat-order rate");
    await page.getByLabel("moves by").fill("+5 percentage points");
    await page.getByLabel(/^by/).fill(new Date().toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Write hypothesis" }).click();

    await expect(page).toHaveURL(/\/services\/basket-service\/hypotheses\/\d+$/);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(/HYP-\d+/);
    await expect(heading).toContainText("Result due");
    await expect(page.getByText(`We believe ${capability} will result in more repeat orders.`)).toBeVisible();

    const releases = page.getByRole("region", { name: "Releases that shipped it" });
    await expect(releases).toContainText("No release linked yet.");
    await releases.getByLabel("Release").selectOption({ index: 1 });
    await releases.getByRole("button", { name: "Link release" }).click();
    await expect(releases.getByRole("status")).toHaveText("Release linked.");
    await expect(releases.getByRole("listitem").first()).toContainText(/cost (no budget|[\d.]+ min)/);

    const result = page.getByRole("region", { name: "Result" });
    await result.getByRole("button", { name: "Record result" }).click();
    await expect(result.getByText(/Choose validated, invalidated or inconclusive/).first()).toBeVisible();
    await result.getByLabel("Result").selectOption("VALIDATED");
    await result.getByLabel("Evidence").fill("Repeat-order rate rose from 18% to 24% in the week after release (orders dashboard).");
    await result.getByRole("button", { name: "Record result" }).click();
    await expect(heading).toContainText("Validated");
    await expect(result).toContainText("Repeat-order rate rose from 18% to 24%");

    await page.goto("/services/basket-service");
    await expect(page.getByRole("region", { name: "Outcome hypotheses" })).toContainText(capability);
  });
});

test.describe("change manager", () => {
  test.use({ storageState: authFile("change-manager") });

  test("sees the signals with their evidence", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /Open signals/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Anti-pattern signals" })).toBeVisible();
    const accountability = page.getByRole("region", { name: "Lost accountability" });
    await expect(accountability).toContainText("Showing");
    await expect(accountability).toContainText(/Legacy Invoicing moved from Ledger to Accounts on \d{4}-\d{2}-\d{2}:.*time to restore 0\.4 h → 4\.1 h/);
    await expect(page.getByRole("region", { name: "Change treacle signals" })).toBeVisible();
  });
});

test.describe("engineer", () => {
  test.use({ storageState: authFile("engineer") });

  test("gets the 403 page on /signals", async ({ page }) => {
    const response = await page.goto("/signals");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });
});
