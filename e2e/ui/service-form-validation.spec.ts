// The new-service form's server-side validation: errors in a summary and under each field, the typed
// values kept, nothing written; and the written justification a target above its exposure band needs.
import { authFile, E2E_SLUG_PREFIX, expect, fetchServices, field, slugFor, test, uniqueServiceName, type ApiService } from "../fixtures";

test.use({ storageState: authFile("engineer") });

// Other specs create "e2e-…" services in parallel workers; leave those out of the before/after count.
const notFromOtherSpecs = (services: ApiService[]) => services.filter((service) => !service.slug.startsWith(E2E_SLUG_PREFIX));

test("invalid input shows the errors, keeps the values and writes nothing", async ({ page }) => {
  const before = notFromOtherSpecs(await fetchServices(page.request));

  await page.goto("/services/new");
  await field(page, "Slug").fill("Bad Slug!");
  await field(page, "Description").fill("Typed before the error and still here after it.");
  await field(page, "Repository").fill("not a url");
  await page.getByRole("button", { name: "Create service" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Some fields need attention." });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Name: / })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Slug: Use lowercase letters/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Repository: Enter a full http\(s\) URL/ })).toBeVisible();

  await expect(field(page, "Name")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Name")).toHaveAccessibleDescription(/Enter a name of at least 2 characters\./);
  await expect(field(page, "Slug")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Slug")).toHaveAccessibleDescription(/Use lowercase letters, digits and single hyphens/);
  await expect(field(page, "Repository")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Repository")).toHaveAccessibleDescription(/Enter a full http\(s\) URL/);
  await expect(page.locator("#name-error")).toBeVisible();
  await expect(page.locator("#slug-error")).toBeVisible();
  await expect(page.locator("#repositoryUrl-error")).toBeVisible();

  await expect(field(page, "Name")).toHaveValue("");
  await expect(field(page, "Slug")).toHaveValue("Bad Slug!");
  await expect(field(page, "Description")).toHaveValue("Typed before the error and still here after it.");
  await expect(field(page, "Repository")).toHaveValue("not a url");
  await expect(page).toHaveURL("/services/new");

  const after = notFromOtherSpecs(await fetchServices(page.request));
  expect(after.length).toBe(before.length);
  expect(after.map((service) => service.slug).sort()).toEqual(before.map((service) => service.slug).sort());
});

test("a target above the exposure band needs a justification", async ({ page }) => {
  const name = uniqueServiceName("Target");
  await page.goto("/services/new");
  await field(page, "Name").fill(name);
  await expect(field(page, "Maximum loss per hour of unavailability")).toHaveValue("0");
  await field(page, "Availability target").selectOption({ label: "99.99%" });
  await expect(field(page, "Why this target")).toBeVisible();
  await page.getByRole("button", { name: "Create service" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention." })).toContainText("Why this target:");
  await expect(field(page, "Why this target")).toHaveAccessibleDescription(/Explain why this service needs 99\.99%\./);
  await expect(field(page, "Availability target").locator("option:checked")).toHaveText("99.99%");

  await field(page, "Why this target").fill("A contract with a partner requires it; reviewed each quarter.");
  await page.getByRole("button", { name: "Create service" }).click();

  const slug = slugFor(name);
  await expect(page).toHaveURL(`/services/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  // Shown with the target, and quoted again by the history card's sentence for the creation.
  await expect(page.getByText("A contract with a partner requires it; reviewed each quarter.").first()).toBeVisible();
});
