// An engineer declares an incident through the real form (the service picked by quick find, the impact
// from the loss per hour), runs it from its page (acknowledge, update, resolve) and finds it in the
// list and the audit history; a HIGH impact from someone who is not an incident manager is refused on
// the field and nothing is created.
import { authFile, expect, test } from "../fixtures";

test.use({ storageState: authFile("engineer") });

const RUN = `${Date.now().toString(36)}`;

test("an engineer declares, acknowledges, updates and resolves an incident", async ({ page }) => {
  await page.goto("/incidents");
  await page.getByRole("link", { name: "Declare an incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Declare an incident" })).toBeVisible();

  const picker = page.getByRole("combobox", { name: /Affected services/ });
  await picker.fill("promo");
  await page.getByRole("option", { name: /Promotion Engine/ }).click();
  await expect(page.getByRole("list", { name: "Affected services" })).toContainText("Promotion Engine (responds)");

  const title = `Vouchers rejected at checkout ${RUN}`;
  await page.getByLabel(/What is wrong/).fill(title);
  await page.getByLabel("What we know").fill("Since 10:05 every voucher code is refused.\r\nCard payments are fine.");
  await page.getByLabel("Estimated loss per hour").fill("5k");
  await expect(page.getByText(/5,000 an hour: medium impact, minor \(restore by the next working day\)/)).toBeVisible();
  await page.getByRole("button", { name: "Declare incident" }).click();

  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(title);
  await expect(heading).toContainText("Medium impact");
  await expect(heading).toContainText("Triggered");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Erin Engineer raised the incident on Promotion Engine");

  await page.getByRole("group", { name: "Incident status" }).getByRole("button", { name: "Acknowledge" }).click();
  await expect(heading).toContainText("Acknowledged");

  await page.getByLabel("Post an update").fill("Rolled back promo-engine to 2.3.1; vouchers work again.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Rolled back promo-engine to 2.3.1");

  await page.getByRole("group", { name: "Incident status" }).getByRole("button", { name: "Resolve" }).click();
  await expect(heading).toContainText("Resolved");
  // The history card reads the audit trail in words.
  await expect(page.getByRole("region", { name: "Audit events" })).toContainText(/Erin Engineer raised INC-\d+ \(Vouchers rejected/);
  await expect(page.getByRole("region", { name: "Audit events" })).toContainText("Erin Engineer resolved");

  await page.goto(`/incidents?q=${encodeURIComponent(RUN)}`);
  await expect(page.getByRole("table", { name: "Resolved and closed incidents, newest first" })).toContainText(title);
});

test("a major incident is the incident manager's: the engineer is refused on the impact field", async ({ page }) => {
  const title = `Everything down ${RUN}`;
  await page.goto("/incidents/new?service=promo-engine");
  await expect(page.getByRole("list", { name: "Affected services" })).toContainText("Promotion Engine");
  await page.getByLabel(/What is wrong/).fill(title);
  await page.getByLabel("Impact", { exact: true }).selectOption("HIGH");
  await expect(page.getByText("A major incident is declared by an incident manager")).toBeVisible();
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Only incident managers declare a major (HIGH impact) incident" })).toBeVisible();
  await expect(page).toHaveURL(/\/incidents\/new/);
  await page.goto(`/incidents?q=${encodeURIComponent(title)}`);
  await expect(page.getByText("No incidents match")).toBeVisible();
});
