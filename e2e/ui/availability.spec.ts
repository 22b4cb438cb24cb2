// The service page's availability and error-budget policy through the real pages: a service of the
// product manager's team that has spent its budget shows off target with the incident and the
// policy denying standard changes; the product manager records an exception through the form; the
// product manager's home flags the service.
import { createService } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { withDatabase } from "../database";
import { authFile, expect, field, test, uniqueServiceName, slugFor } from "../fixtures";

test.use({ storageState: authFile("product-manager") });

test("a spent budget shows on the service page, the product manager records an exception, and their home flags the service", async ({ page }) => {
  const name = uniqueServiceName("Budget");
  const slug = slugFor(name);
  const now = Date.now();
  const incident = await withDatabase(async (prisma) => {
    const team = await prisma.team.findUniqueOrThrow({ where: { slug: "checkout" }, select: { id: true } });
    const service = await createService(prisma, { name, slug, teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000, tier: "TIER_4" });
    // 50 minutes down two hours ago: more than 99.9%'s 40 minutes over 28 days.
    return createIncident(prisma, { services: [service], lostAt: new Date(now - 170 * 60_000), regainedAt: new Date(now - 120 * 60_000), title: "Checkout errors" });
  });

  await page.goto(`/services/${slug}`);
  const card = page.getByRole("region", { name: "Availability" });
  await expect(card.getByText("Off target")).toBeVisible();
  await expect(card.getByTestId("budget-words")).toContainText("50m used of 40m 19s: spent, 9m 41s over");
  await expect(card.locator('svg[data-chart="availability"] rect[data-week]')).toHaveCount(13);
  await expect(card.locator('svg[data-chart="availability"] rect[data-on-target="false"]')).toHaveCount(1);
  await expect(card.getByTestId("budget-policy-denies")).toContainText("the gate denies standard changes until it recovers");
  await expect(card.getByRole("link", { name: `INC-${incident.number}` })).toHaveAttribute("href", `/incidents/${incident.id}`);

  // A reason too short is refused next to its field and nothing is recorded.
  await field(page, "Reason").fill("fix");
  await page.getByRole("button", { name: "Record exception" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention." })).toContainText("Reason:");

  const until = new Date(now + 2 * 86_400_000);
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/London", dateStyle: "short", timeStyle: "short" }).format(until).replace(" ", "T");
  await field(page, "Reason").fill("Ship the fix for the checkout errors as a standard change");
  await field(page, "Until").fill(local);
  await page.getByRole("button", { name: "Record exception" }).click();
  // The page re-renders with the exception in place of the form.
  await expect(page.getByTestId("budget-exception")).toContainText("Pat Product made an exception until");
  await expect(page.getByRole("button", { name: "Record exception" })).toHaveCount(0);
  await expect(page.getByTestId("budget-exception")).toContainText("Ship the fix for the checkout errors");

  await page.goto("/");
  const flagged = page.getByRole("region", { name: "Services off target or burning budget fast" });
  const row = flagged.getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(row).toContainText("Budget spent");
});
