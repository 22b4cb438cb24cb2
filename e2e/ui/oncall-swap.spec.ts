// On-call journeys on the demo Checkout rota: Erin asks Pat to swap, Pat accepts, the calendar shows
// the swap; Erin takes the live shift and becomes who is on call; the iCal links download valid calendars.
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { ACCOUNTS, authFile, expect, test } from "../fixtures";

test.use({ storageState: authFile("engineer") });
test.describe.configure({ mode: "serial" });

const ZONE = "Europe/London";

function parseEvents(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
}

test("engineer requests a swap, the other accepts, and the calendar shows it", async ({ page, pageAs }) => {
  await page.goto("/oncall/checkout");
  const swap = page.locator("form").filter({ has: page.getByRole("button", { name: "Request swap" }) });
  const mine = await swap.getByLabel("Your shift").inputValue();
  const theirs = swap.getByLabel("Their shift");
  const patOption = theirs.locator("option", { hasText: ACCOUNTS["product-manager"].name }).first();
  await theirs.selectOption(await patOption.getAttribute("value"));
  await swap.getByLabel("Message (optional)").fill("Family wedding that week");
  await swap.getByRole("button", { name: "Request swap" }).click();
  await expect(swap.getByRole("status")).toHaveText("Swap requested. It takes effect when they accept.");

  const pat = await pageAs("product-manager");
  await pat.goto("/oncall/me");
  const request = pat.getByTestId("incoming-request").filter({ hasText: "Family wedding that week" });
  await expect(request).toContainText(ACCOUNTS.engineer.name);
  await request.getByRole("button", { name: "Accept" }).click();
  // Answered requests leave the waiting list and show in the history as accepted.
  await expect(request).toHaveCount(0);
  await expect(pat.getByRole("region", { name: "Your requests" }).getByText("accepted")).toBeVisible();

  // Erin's former shift now belongs to Pat, marked as a swap.
  const start = DateTime.fromISO(mine.split("|")[0]!).setZone(ZONE);
  await page.goto(`/oncall/checkout?view=week&date=${start.plus({ days: 1 }).toISODate()}`);
  const day = page.locator(`[data-day="${start.plus({ days: 1 }).toISODate()}"]`);
  await expect(day.getByTestId("calendar-segment").filter({ hasText: `swap for ${ACCOUNTS.engineer.name}` }).first()).toContainText(ACCOUNTS["product-manager"].name);
});

test("engineer takes the live shift, and who is on call changes everywhere", async ({ page, apiAs }) => {
  await page.goto("/oncall/checkout");
  await expect(page.getByTestId("schedule-primary")).not.toHaveText(ACCOUNTS.engineer.name);
  await page.getByRole("button", { name: "Take the shift now" }).click();
  // The page re-renders with Erin as primary, and the button is gone: there is nothing left to take.
  await expect(page.getByTestId("schedule-primary")).toHaveText(ACCOUNTS.engineer.name);
  await expect(page.getByRole("button", { name: "Take the shift now" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Current and upcoming overrides" })).toContainText(`${ACCOUNTS.engineer.name} for`);

  await page.goto("/services/checkout-api");
  await expect(page.getByTestId("oncall-primary")).toHaveText(ACCOUNTS.engineer.name);

  const api = await apiAs("engineer");
  const response = await api.get("/api/v1/services/checkout-api/oncall");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ service: "checkout-api", primary: { name: ACCOUNTS.engineer.name, email: ACCOUNTS.engineer.email } });
  expect(["in_hours_team", "out_of_hours_team"]).toContain(body.cover);
  // In working hours the owning team answers too (name and chat channel); out of hours the rota alone.
  if (body.cover === "in_hours_team") expect(body.team).toMatchObject({ name: expect.any(String), chatChannel: expect.stringMatching(/^#/) });
  else expect(body.team).toBeNull();
  expect((await (await apiAs(null)).get("/api/v1/services/checkout-api/oncall")).status()).toBe(401);
});

test("iCal links download valid calendars without a session", async ({ page, apiAs }) => {
  await page.goto("/oncall/me");
  await page.getByRole("button", { name: "Create a calendar link" }).click();
  const link = page.getByTestId("ical-link");
  await expect(link).toHaveText("Download my shifts (.ics)");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/api\/oncall\/feeds\/[A-Za-z0-9_-]+\.ics$/);

  const anonymous = await apiAs(null);
  const mine = await anonymous.get(href!);
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-type"]).toContain("text/calendar");
  const events = parseEvents(await mine.text());
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((event) => event.summary.includes(ACCOUNTS.engineer.name))).toBe(true);

  await page.goto("/oncall/checkout");
  const scheduleHref = await page.getByTestId("ical-link").getAttribute("href");
  const download = page.waitForEvent("download");
  await page.getByTestId("ical-link").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const schedule = await anonymous.get(scheduleHref!);
  const names = parseEvents(await schedule.text()).map((event) => event.summary);
  expect(names.some((summary) => summary.includes(ACCOUNTS["product-manager"].name))).toBe(true);
  expect((await anonymous.get("/api/oncall/feeds/not-a-real-token-at-all-000.ics")).status()).toBe(404);
});
