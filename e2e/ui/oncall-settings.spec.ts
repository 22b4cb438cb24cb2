// On-call administration on the demo Accounts and Ledger rotas (the swap spec uses Checkout): an admin
// edits a schedule's settings (a field error first, nothing saved), keeps a holiday calendar (by hand,
// a duplicate refused, an .ics import) and assigns it, takes a live shift and cancels the cover again.
import { ACCOUNTS, authFile, expect, expectForbiddenPage, test } from "../fixtures";

test.use({ storageState: authFile("admin") });
test.describe.configure({ mode: "serial" });

test("admin edits a schedule's settings; bad input is refused field by field and saves nothing", async ({ page }) => {
  await page.goto("/oncall/accounts/settings");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save settings" }) });
  await form.getByLabel("Working hours start").fill("18:00");
  await form.getByLabel("Working hours end").fill("09:00");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("alert")).toContainText("Working hours must end after they start.");
  await page.goto("/oncall/accounts");
  await expect(page.getByText(/working hours 09:00–17:00/)).toBeVisible();

  await page.goto("/oncall/accounts/settings");
  await form.getByLabel("Name").fill("Accounts on call (E2E)");
  await form.getByLabel("Working hours start").fill("08:30");
  await form.getByLabel("Working hours end").fill("17:30");
  await form.getByLabel("Handoff time (in the schedule's zone)").fill("10:00");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toContainText("Shift changes apply from");
  await page.goto("/oncall/accounts");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Accounts on call (E2E)");
  await expect(page.getByText(/working hours 08:30–17:30/)).toBeVisible();
  await expect(page.getByText(/handoff Mon 10:00/)).toBeVisible();
});

test("someone outside the owning team gets a real 403 on the settings page", async ({ pageAs }) => {
  // Erin is not in the Accounts team: no settings page for her (not only a hidden button).
  const erin = await pageAs("engineer");
  await erin.goto("/oncall/accounts/settings");
  await expectForbiddenPage(erin);
  await erin.goto("/oncall/accounts");
  await expect(erin.getByRole("link", { name: "Settings" })).toHaveCount(0);
});

test("admin keeps a holiday calendar, imports public holidays from .ics and assigns it to a schedule", async ({ page }) => {
  await page.goto("/oncall/holidays");
  await expect(page.getByRole("link", { name: "England and Wales bank holidays" })).toBeVisible();
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Create calendar" }) });
  await create.getByLabel("Name").fill("E2E Scotland");
  await create.getByLabel("Slug").fill("e2e-scotland");
  await create.getByRole("button", { name: "Create calendar" }).click();
  await expect(page).toHaveURL(/\/oncall\/holidays\/e2e-scotland$/);

  const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Add holiday" }) });
  await add.getByLabel("Date").fill("2026-11-30");
  await add.getByLabel("Holiday").fill("St Andrew's Day");
  await add.getByRole("button", { name: "Add holiday" }).click();
  await expect(add.getByRole("status")).toHaveText("Holiday added.");
  const holidays = page.getByRole("table", { name: "Holidays" });
  await expect(holidays).toContainText("St Andrew's Day");
  await add.getByLabel("Date").fill("2026-11-30");
  await add.getByLabel("Holiday").fill("Again");
  await add.getByRole("button", { name: "Add holiday" }).click();
  await expect(add.getByRole("alert")).toContainText("2026-11-30 is already a holiday here (St Andrew's Day).");

  const ics = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//e2e//EN",
    "BEGIN:VEVENT", "UID:e2e-1", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270101", "SUMMARY:New Year's Day", "END:VEVENT",
    "BEGIN:VEVENT", "UID:e2e-2", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270104", "SUMMARY:2nd January (substitute day)", "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
  const importForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Import" }) });
  await importForm.getByLabel(".ics file").setInputFiles({ name: "scotland.ics", mimeType: "text/calendar", buffer: Buffer.from(ics) });
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(importForm.getByRole("status")).toHaveText("2 holidays added.");
  await expect(holidays).toContainText("2nd January (substitute day)");
  await page.getByRole("button", { name: /^Remove New Year's Day/ }).click();
  await expect(holidays).not.toContainText("New Year's Day");
  await expect(holidays.getByRole("row")).toHaveCount(3);

  await page.goto("/oncall/ledger/settings");
  const settings = page.locator("form").filter({ has: page.getByRole("button", { name: "Save settings" }) });
  await settings.getByLabel("Public holidays").selectOption({ label: "E2E Scotland" });
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved.");
  await page.goto("/oncall/ledger");
  await expect(page.getByText(/holidays: E2E Scotland/)).toBeVisible();
  await page.goto("/oncall/holidays/e2e-scotland");
  await expect(page.getByRole("link", { name: "Ledger out of hours" })).toBeVisible();
});

test("admin takes the live Ledger shift, then cancels the cover: who is on call goes back", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto("/oncall/ledger");
  const primary = page.getByTestId("schedule-primary");
  const before = (await primary.textContent())!.trim();
  expect(before).not.toBe(ACCOUNTS.admin.name);
  await page.getByRole("button", { name: "Take the shift now" }).click();
  await expect(primary).toHaveText(ACCOUNTS.admin.name);
  await page.goto("/oncall");
  await expect(page.getByTestId("primary-ledger")).toHaveText(ACCOUNTS.admin.name);

  await page.goto("/oncall/ledger");
  const overrides = page.getByRole("region", { name: "Current and upcoming overrides" });
  const mine = overrides.getByRole("listitem").filter({ hasText: `${ACCOUNTS.admin.name} for ${before}` });
  await mine.getByRole("button", { name: /^Cancel cover by Ada Admin/ }).click();
  await expect(primary).toHaveText(before);
  await expect(overrides).not.toContainText(`${ACCOUNTS.admin.name} for`);
  await page.goto("/oncall");
  await expect(page.getByTestId("primary-ledger")).toHaveText(before);

  // The seeded cover Grace holds in ten days goes too: the list no longer shows it.
  await page.goto("/oncall/ledger");
  const grace = overrides.getByRole("listitem").filter({ hasText: "Grace Whitfield" });
  await expect(grace).toHaveCount(1);
  await grace.getByRole("button", { name: /^Cancel cover by Grace Whitfield/ }).click();
  await expect(grace).toHaveCount(0);
});
