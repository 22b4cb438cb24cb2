// Leave through "My shifts": a date in 2020 is refused with the field named; leave that is recorded is
// listed and can be cancelled, whenever it lies.
import { authFile, expect, test } from "../fixtures";

test.use({ storageState: authFile("engineer") });

test("leave dated 2020 is refused; recorded leave is listed and can be cancelled", async ({ page }) => {
  await page.goto("/oncall/me");
  const card = page.getByRole("region", { name: "Leave" });
  await card.getByLabel("From").fill("2020-05-04T09:00");
  await card.getByLabel("Until").fill("2020-05-05T17:00");
  await card.getByRole("button", { name: "Add leave" }).click();
  await expect(card.getByText(/From: That is in the past: give a date from \d{4}-\d\d-\d\d on\./)).toBeVisible();

  // Twenty months ahead: within two years, beyond the eight weeks of shifts the page shows.
  const start = new Date(Date.now() + 600 * 86_400_000).toISOString().slice(0, 10);
  const note = `E2E far leave ${Date.now().toString(36)}`;
  await card.getByLabel("From").fill(`${start}T09:00`);
  await card.getByLabel("Until").fill(`${start}T17:00`);
  await card.getByLabel("Note (optional)").fill(note);
  await card.getByRole("button", { name: "Add leave" }).click();
  await expect(card.getByRole("status")).toContainText("Leave recorded");
  const entry = card.getByRole("listitem").filter({ hasText: note });
  await expect(entry).toBeVisible();
  await entry.getByRole("button", { name: /^Cancel leave/ }).click();
  await expect(card.getByRole("listitem").filter({ hasText: note })).toHaveCount(0);
});
