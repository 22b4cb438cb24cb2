// The schedule's month calendar through the browser: an out-of-hours rota leaves the working day to the
// team, covers weekends and the bank holidays of its calendar whole, and names each day for screen readers.
import { expect, test, authFile } from "../fixtures";

test.use({ storageState: authFile("engineer") });

test("the month calendar shows out-of-hours cover, working hours and bank holidays", async ({ page }) => {
  await page.goto("/oncall/checkout?view=month&date=2026-12-01");
  const calendar = page.getByRole("list", { name: "On-call calendar" });
  // Thursday 3 December: cover before 09:00 and from 17:00; the working day is the team's.
  const thursday = calendar.locator('[data-day="2026-12-03"]');
  await expect(thursday.getByRole("heading", { name: "Thu 3 Dec" })).toBeVisible();
  await expect(thursday.getByTestId("in-hours")).toHaveText("09:00–17:00 in hours: the team");
  await expect(thursday.getByTestId("calendar-segment").first()).toContainText("00:00–09:00");
  await expect(thursday.getByTestId("calendar-segment").last()).toContainText("17:00–24:00");
  // Christmas Day is on the demo's English bank holidays: covered all day.
  const christmas = calendar.locator('[data-day="2026-12-25"]');
  await expect(christmas).toHaveAttribute("data-day-kind", "holiday");
  await expect(christmas.getByText("Public holiday: on call all day")).toBeVisible();
  await expect(christmas.getByTestId("in-hours")).toHaveCount(0);
  await expect(christmas.getByTestId("calendar-segment").first()).toContainText("00:00–24:00");
  // Saturday: the whole day.
  await expect(calendar.locator('[data-day="2026-12-05"]').getByTestId("calendar-segment").first()).toContainText("00:00–24:00");
});
