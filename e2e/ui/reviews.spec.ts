// A post-incident review through the real UI: Erin (engineer) schedules a review of a minor incident
// and records her analysis, which Pat (the team's product manager, the facilitator) cannot see until
// Erin shares it; Pat runs the joint review and publishes it (the resolved incident closes); someone
// outside the team (Chris, the change manager: the demo's only other signed-in account) opens it from
// the learning library and the unique reader count moves by one, once.
import { authFile, expect, test } from "../fixtures";

test.use({ storageState: authFile("engineer") });

const RUN = `${Date.now().toString(36)}`;

test("private analyses, the joint review, publishing and unique readers", async ({ page, pageAs }) => {
  test.setTimeout(120_000);
  page.on("dialog", (dialog) => void dialog.accept());

  // A minor incident on Erin's team, resolved.
  await page.goto("/incidents/new");
  const picker = page.getByRole("combobox", { name: /Affected services/ });
  await picker.fill("promo");
  await page.getByRole("option", { name: /Promotion Engine/ }).click();
  const title = `Voucher codes case-sensitive ${RUN}`;
  await page.getByLabel(/What is wrong/).fill(title);
  await page.getByLabel("Estimated loss per hour").fill("200");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  const incidentUrl = page.url();
  await page.getByRole("group", { name: "Incident status" }).getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Resolved");

  // Schedule a review: to its page, collecting analyses.
  await page.getByRole("button", { name: "Schedule a review" }).click();
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
  const reviewUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Collecting analyses");
  await expect(page.getByRole("list", { name: "Participants" })).toContainText("Pat Product");

  // Erin's own analysis: hers alone until she shares it.
  const secret = `I assumed codes were upper case ${RUN}`;
  await page.getByLabel(/Your analysis/).fill(secret);
  await page.getByRole("button", { name: "Record my analysis" }).click();
  await expect(page.getByText("Analysis saved: only you can see it until you share it.")).toBeVisible();

  const pat = await pageAs("product-manager");
  pat.on("dialog", (dialog) => void dialog.accept());
  await pat.goto(reviewUrl);
  const patAnalyses = pat.getByRole("region", { name: "Analyses" });
  await expect(patAnalyses).toContainText("No analysis has been shared yet.");
  await expect(pat.getByText(secret)).toHaveCount(0);
  // Nor in the review's history, which names the analysis without its words.
  await expect(pat.getByRole("region", { name: "Audit events" })).toContainText("Erin Engineer wrote their own analysis");

  await page.getByRole("button", { name: "Share my analysis" }).click();
  await expect(page.getByRole("list", { name: "Participants" })).toContainText(/Erin Engineer\s*· shared/);
  await pat.reload();
  await expect(pat.getByRole("list", { name: "Shared analyses" })).toContainText(secret);

  // Pat facilitates the joint review and publishes it.
  await pat.getByRole("button", { name: "Start the joint review" }).click();
  await expect(pat.getByRole("heading", { level: 1 })).toContainText("Joint review");
  await expect(pat.getByRole("region", { name: "Timeline" })).toContainText("raised the incident on Promotion Engine");
  await pat.getByLabel("Summary", { exact: true }).fill(`Voucher codes typed in lower case were refused ${RUN}.`);
  await pat.getByLabel("Learnings", { exact: true }).fill("Normalise input at the edge.");
  await pat.getByRole("button", { name: "Save the review" }).click();
  await expect(pat.getByText("Saved.", { exact: true })).toBeVisible();
  await pat.getByLabel("Factor", { exact: true }).fill("Codes were compared case-sensitively.");
  await pat.getByLabel("Tags", { exact: true }).last().fill("validation");
  await pat.getByRole("button", { name: "Add factor" }).click();
  await expect(pat.getByRole("region", { name: "Contributing factors" })).toContainText("Codes were compared case-sensitively.");
  await pat.getByLabel("Action", { exact: true }).fill("Compare voucher codes case-insensitively");
  await pat.getByRole("button", { name: "Add action" }).click();
  await expect(pat.getByRole("region", { name: "Actions" })).toContainText("Compare voucher codes case-insensitively");
  await pat.getByRole("button", { name: "Publish to the organisation" }).click();
  await expect(pat.getByRole("heading", { level: 1 })).toContainText("Published");

  // The incident closed with it, and links to its review.
  await page.goto(incidentUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Closed");
  await expect(page.getByRole("region", { name: "Post-incident review" })).toContainText("Published");

  // Readers: Erin and Pat have opened it since it was published; Chris's first visit adds one, his second none.
  await page.goto(reviewUrl);
  await pat.reload();
  await page.reload();
  const before = Number(await page.getByTestId("reader-count").textContent());
  const chris = await pageAs("change-manager");
  await chris.goto(`/reviews?q=${encodeURIComponent(RUN)}`);
  await chris.getByRole("list", { name: "Published reviews" }).getByRole("link", { name: new RegExp(title) }).click();
  await expect(chris.getByTestId("reader-count")).toHaveText(String(before + 1));
  await chris.reload();
  await expect(chris.getByTestId("reader-count")).toHaveText(String(before + 1));
  await page.reload();
  await expect(page.getByTestId("reader-count")).toHaveText(String(before + 1));
});
