// Issue 13, items 9 and 10, through the real forms: the product manager types an exposure the way people
// write money and sees the band with the organisation's currency; a target below its band asks for a
// reason like one above; the admin changes the currency and the pay report follows; the DORA lead-time
// chart has a point for every week its table has a lead time for. One file, run in order: the currency
// test changes an organisation-wide setting the others read (and puts it back).
import { authFile, createServiceThroughForm, expect, field, test, uniqueServiceName, type Role } from "../fixtures";

test.describe.configure({ mode: "serial" });

const LOSS = "Maximum loss per hour of unavailability";

async function newServiceAs(page: import("@playwright/test").Page, label: string): Promise<string> {
  return createServiceThroughForm(page, { name: uniqueServiceName(label) });
}

const as = (role: Role) => ({ storageState: authFile(role) });

test.describe("as the product manager", () => {
  test.use(as("product-manager"));

  test("an exposure typed as 2,000,000 gets the band with the currency and saves; abc gets no band and a field error", async ({ page }) => {
    const slug = await newServiceAs(page, "Exposure");
    await page.goto(`/services/${slug}/edit`);
    const loss = field(page, LOSS);

    await loss.fill("abc");
    await expect(loss).toHaveAccessibleDescription("In GBP (£), e.g. 250,000, 2m or 2.5k.");
    await expect(field(page, "Availability target").locator("option", { hasText: "(suggested)" })).toHaveCount(0);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention." })).toContainText("Maximum loss per hour: Enter an amount such as 2,000,000, 2m or 2.5k (in GBP).");
    await expect(loss).toHaveAttribute("aria-invalid", "true");
    await expect(loss).toHaveValue("abc");
    await expect(page).toHaveURL(`/services/${slug}/edit`);

    await loss.fill("2,000,000");
    await expect(loss).toHaveAccessibleDescription(/^£2,000,000 an hour: exposure band Critical, which suggests 99\.99%\./);
    await expect(field(page, "Availability target").locator("option", { hasText: "(suggested)" })).toHaveText("99.99% (suggested)");
    await field(page, "Availability target").selectOption({ label: "99.99% (suggested)" });
    await expect(field(page, "Why this target")).toHaveCount(0);
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page).toHaveURL(`/services/${slug}`);
    const reliability = page.getByRole("region", { name: "Reliability" });
    await expect(reliability).toContainText("up to £2,000,000 per hour of downtime");
    await expect(reliability).toContainText("Critical band: suggests 99.99%");
    await page.goto(`/services/${slug}/edit`);
    await expect(field(page, LOSS)).toHaveValue("2,000,000");
  });

  test("a target below the suggested band asks for a justification, and the server insists", async ({ page }) => {
    const slug = await newServiceAs(page, "Below band");
    await page.goto(`/services/${slug}/edit`);
    await field(page, LOSS).fill("2m");
    await field(page, "Availability target").selectOption({ label: "99.0%" });
    const why = field(page, "Why this target");
    await expect(why).toBeVisible();
    await expect(why).toHaveAccessibleDescription(/below what the exposure band suggests/);
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention." })).toContainText("Why this target:");
    await expect(why).toHaveAccessibleDescription(/suggests 99\.99%\. Explain why 99\.0% is enough for this service\./);
    await expect(field(page, "Availability target").locator("option:checked")).toHaveText("99.0%");
    await expect(page).toHaveURL(`/services/${slug}/edit`);

    await why.fill("Orders queue while it is down and are taken later; nothing is lost.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(`/services/${slug}`);
    const reliability = page.getByRole("region", { name: "Reliability" });
    await expect(reliability).toContainText("Target below its band");
    await expect(reliability).toContainText("Orders queue while it is down and are taken later; nothing is lost.");
  });

  test("the lead-time chart has a point for every week its table has a lead time for, the last included", async ({ page }) => {
    await page.goto("/deployments/metrics");
    const rows = page.locator("details table tbody tr");
    await expect(rows.first()).toBeAttached();
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    const weeksWithLeadTime = table.filter((cells) => cells[3] !== "—").map((cells) => cells[0]);
    expect(weeksWithLeadTime.length).toBeGreaterThan(1);
    const chart = page.locator('svg[data-chart="lead-time"]');
    await expect(chart).toBeVisible();
    expect(await chart.locator("circle").evaluateAll((points) => points.map((point) => point.getAttribute("data-week")))).toEqual(weeksWithLeadTime);
    // The most recent week is named under both charts' axes.
    const lastWeek = table.at(-1)![0]!;
    await expect(chart.locator("text", { hasText: lastWeek.slice(5) })).toHaveCount(1);
    await expect(page.locator('svg[data-chart="deployments"] g[data-week]')).toHaveCount(table.length);
  });
});

test.describe("as the admin", () => {
  test.use(as("admin"));

  test("changing the organisation's currency relabels the pay report", async ({ page }) => {
    await page.goto("/oncall/report");
    await expect(page.getByRole("columnheader", { name: "Standby pay (GBP)" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Pay rates per team" })).toContainText("£3.00/h out of hours");

    try {
      // Admins reach the setting from the pay rates it labels.
      await page.getByRole("region", { name: "Pay rates per team" }).getByRole("link", { name: "organisation settings" }).click();
      await expect(page).toHaveURL("/settings");
      await expect(page.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
      await expect(field(page, "Currency").locator("option:checked")).toHaveText("British Pound (GBP)");
      await field(page, "Currency").selectOption("EUR");
      await page.getByRole("button", { name: "Save currency" }).click();
      await expect(page.getByText("Money is now shown in EUR.")).toBeVisible();
      await expect(page.getByText("Money is shown in Euro (EUR).")).toBeVisible();
      await expect(field(page, "Currency").locator("option:checked")).toHaveText("Euro (EUR)");
      await expect(page.getByRole("table", { name: "Exposure bands" })).toContainText("€100,000");

      await page.goto("/oncall/report");
      await expect(page.getByRole("columnheader", { name: "Standby pay (EUR)" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Pay rates per team" })).toContainText("€3.00/h out of hours");
      await expect(page.getByRole("region", { name: "Pay rates per team" })).toContainText("Rates are in minor units of EUR");
    } finally {
      await page.goto("/settings");
      await field(page, "Currency").selectOption("GBP");
      await page.getByRole("button", { name: "Save currency" }).click();
      await expect(page.getByText("Money is now shown in GBP.")).toBeVisible();
      await expect(page.getByText("Money is shown in British Pound (GBP).")).toBeVisible();
    }
  });

  test("only admins reach the settings", async ({ pageAs }) => {
    const pm = await pageAs("product-manager");
    const response = await pm.goto("/settings");
    expect(response?.status()).toBe(403);
  });
});
