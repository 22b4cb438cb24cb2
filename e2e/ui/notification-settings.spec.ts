// A person chooses their channels per kind of notification in the real form; the choice survives a
// reload and is in the audit trail. Admins see the background jobs; others are refused on the server.
import { authFile, expect, test } from "../fixtures";

test.describe("notification settings", () => {
  test.use({ storageState: authFile("engineer") });

  test("an engineer turns off in-app swap requests and email for shift reminders", async ({ page }) => {
    await page.goto("/notifications");
    await page.getByRole("link", { name: "Notification settings" }).click();
    await expect(page.getByRole("heading", { name: "Notification settings" })).toBeVisible();
    const swapsInApp = page.getByRole("checkbox", { name: "A swap or cover request asks me: in Runwell" });
    const shiftEmail = page.getByRole("checkbox", { name: "My on-call shift starts in an hour: email" });
    await expect(swapsInApp).toBeChecked();
    await expect(shiftEmail).toBeChecked();
    await swapsInApp.uncheck();
    await shiftEmail.uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await page.reload();
    await expect(swapsInApp).not.toBeChecked();
    await expect(shiftEmail).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "My swap or cover request was accepted: in Runwell" })).toBeChecked();
    // Back to the defaults, so other specs' engineer hears of requests again.
    await swapsInApp.check();
    await shiftEmail.check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
  });

  test("the background jobs page is for admins only", async ({ page }) => {
    const response = await page.goto("/jobs");
    expect(response?.status()).toBe(403);
  });
});

test.describe("background jobs", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin sees every queue and the failed jobs", async ({ page }) => {
    await page.goto("/jobs");
    await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
    const queues = page.getByRole("table", { name: "Queues" });
    for (const queue of ["events.drain", "email.send", "schedule.audit-seal-backlog", "schedule.minutely-reminders"]) await expect(queues.getByRole("cell", { name: queue, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Failed jobs" })).toBeVisible();
  });
});
