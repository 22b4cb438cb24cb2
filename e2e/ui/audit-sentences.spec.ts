// The audit trail in words: a product manager raises a service's availability target through the edit
// form; the service's history card and the change manager's audit page say who did what to which
// service, from what to what, with links, and keep the raw event one click away.
import { ACCOUNTS, authFile, expect, field, slugFor, test, uniqueServiceName } from "../fixtures";

test.use({ storageState: authFile("product-manager") });

test("a product manager's target change reads as a sentence on the history card and the audit page", async ({ page, pageAs }) => {
  const name = uniqueServiceName("Audit words");
  const slug = slugFor(name);
  const pat = ACCOUNTS["product-manager"].name;
  // Above the exposure band before and after the edit, so the justification is asked for both times and
  // the edit changes the target alone.
  await page.goto("/services/new");
  await field(page, "Name").fill(name);
  await field(page, "Availability target").selectOption({ label: "99.9%" });
  await field(page, "Why this target").fill("Points are money our customers hold with us.");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(`/services/${slug}`);

  await page.getByRole("link", { name: "Edit service" }).click();
  await field(page, "Availability target").selectOption({ label: "99.99%" });
  await expect(field(page, "Why this target")).toHaveValue("Points are money our customers hold with us.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(`/services/${slug}`);

  const sentence = `${pat} raised ${name}'s availability target from 99.9% to 99.99%`;
  const history = page.getByRole("list", { name: "Change history" });
  await expect(history.getByRole("listitem").first()).toContainText(sentence);
  await expect(history.getByRole("listitem").filter({ hasText: `${pat} created the service ${name} for Checkout` })).toHaveCount(1);

  const audit = await pageAs("change-manager");
  await audit.goto(`/audit?service=${slug}`);
  const row = audit.getByRole("row").filter({ hasText: sentence });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: pat })).toHaveAttribute("href", /^\/people\//);
  await expect(row.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/services/${slug}`);
  // The raw event, its chain position and its JSON stay one click away.
  await expect(row.getByText("service.update", { exact: true })).toBeHidden();
  await row.getByText("Raw event").click();
  await expect(row.getByText("service.update", { exact: true })).toBeVisible();
  await expect(row.locator("pre").last()).toContainText(`"availabilityTarget": "P99_99"`);
  await expect(row).toContainText(ACCOUNTS["product-manager"].email);

  await row.getByRole("link", { name, exact: true }).click();
  await expect(audit).toHaveURL(`/services/${slug}`);
  await expect(audit.getByRole("list", { name: "Change history" }).getByRole("listitem").first()).toContainText(sentence);
});
