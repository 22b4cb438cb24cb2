// Change management journeys: a change manager's pattern pre-approves a pipeline deployment at the gate;
// a normal change goes through the CAB; an emergency change is implemented first and reviewed afterwards.
import type { APIRequestContext, Page } from "@playwright/test";
import { authFile, expect, field, test } from "../fixtures";

test.use({ storageState: authFile("engineer") });
// Multi-role journeys with several page loads each: give them room on a loaded machine.
test.slow();

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
let tokens = 0;

/** An API token for a service, made by the engineer in the portal (as a team would for its pipeline). */
async function pipelineToken(page: Page, service: string, scopes: string[]): Promise<string> {
  await page.goto(`/services/${service}/tokens`);
  tokens += 1;
  await page.getByLabel(/^Name/).fill(`E2E changes ${RUN} ${tokens}`);
  for (const scope of scopes) await page.getByLabel(scope, { exact: true }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status")).toContainText("it will not be shown again");
  return page.getByLabel("New API token").inputValue();
}

async function gate(api: APIRequestContext, secret: string, version: string) {
  const response = await api.post("/api/v1/changes/gate", { headers: { Authorization: `Bearer ${secret}` }, data: { service: "checkout-api", environment: "production", version, commits: ["e2ec0ffee1"] } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { decision: string; changeType: string | null; changeRequestId: string | null; reasons: { rule: string; passed: boolean; message: string }[]; url: string };
}

test("a change manager's pattern pre-approves a pipeline deployment, which closes its standard change", async ({ page, pageAs, apiAs }) => {
  const changeManager = await pageAs("change-manager");
  const name = `E2E routine ${RUN}`;
  await changeManager.goto("/changes/patterns/new");
  await field(changeManager, "Name").fill(name);
  await field(changeManager, "Slug").fill(`e2e-routine-${RUN}`);
  await changeManager.getByRole("group", { name: "Services" }).getByLabel("Checkout API", { exact: true }).check();
  await changeManager.getByRole("checkbox", { name: /^Track record/ }).uncheck();
  await changeManager.getByRole("checkbox", { name: /^Change failure rate/ }).uncheck();
  await changeManager.getByRole("button", { name: "Create pattern" }).click();
  await expect(changeManager.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(changeManager.getByRole("table", { name: "Eligibility of covered services" })).toContainText("Checkout API");

  const secret = await pipelineToken(page, "checkout-api", ["gate:read", "deployments:write"]);
  const api = await apiAs(null);
  const version = `e2e-std-${RUN}`;
  const answer = await gate(api, secret, version);
  expect(answer).toMatchObject({ decision: "allow", changeType: "STANDARD" });
  expect(answer.reasons[0]!.message).toContain(name);

  const deployed = await api.post("/api/v1/deployments", {
    headers: { Authorization: `Bearer ${secret}` },
    data: { service: "checkout-api", environment: "production", version, externalId: `e2e-${RUN}-std`, status: "succeeded", startedAt: new Date(Date.now() - 60_000).toISOString(), deployer: "E2E pipeline" },
  });
  expect(deployed.status(), await deployed.text()).toBe(201);

  await changeManager.goto(new URL(answer.url).pathname);
  await expect(changeManager.getByRole("heading", { level: 1 })).toContainText("Closed");
  await expect(changeManager.getByRole("region", { name: "Deployments (1)" })).toContainText(version);
  await changeManager.getByRole("link", { name: "Evidence pack" }).click();
  await expect(changeManager.getByRole("heading", { level: 1 })).toContainText("Evidence pack: CHG-");
  await expect(changeManager.getByText("Deployer: E2E pipeline", { exact: false })).toBeVisible();

  // Archiving the pattern takes the standard change away again (and keeps the next journeys honest).
  changeManager.once("dialog", (dialog) => void dialog.accept());
  await changeManager.goto(`/changes/patterns/e2e-routine-${RUN}`);
  await changeManager.getByRole("button", { name: "Archive" }).click();
  await expect(changeManager).toHaveURL("/changes/patterns");
  // (Checkout API may still earn the demo's tier 1 pattern on a good day, so only ours is checked.)
  const after = await gate(api, secret, `${version}-next`);
  expect(after.reasons.some((reason) => reason.passed && reason.message.includes(name))).toBe(false);
});

test("a normal change goes through the CAB with reasons, then the gate allows exactly its version", async ({ page, pageAs, apiAs }) => {
  const version = `e2e-normal-${RUN}`;
  await page.goto(`/changes/new?service=checkout-api&environment=production&version=${version}`);
  await field(page, "Summary").fill("x");
  await page.getByLabel("Submit to the CAB now").check();
  await page.getByRole("button", { name: "Raise change" }).click();
  await expect(page.getByText("Summarise the change in a few words").first()).toBeVisible();
  await expect(page.getByText("Say how the change will be rolled back").first()).toBeVisible();

  await field(page, "Summary").fill(`E2E new acquirer ${RUN}`);
  await field(page, "Implementation plan").fill("Roll out behind a flag, 5% then 100%.");
  await field(page, "Rollback plan").fill("Turn the flag off.");
  // Two months ahead (a plan more than two years ahead is refused), clear of the year-end freeze.
  await field(page, "Planned start (UTC)").fill(`${new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)}T10:00`);
  await page.getByRole("button", { name: "Raise change" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Submitted");
  const changeUrl = page.url();
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);

  const changeManager = await pageAs("change-manager");
  await changeManager.goto("/changes/cab");
  await expect(changeManager.getByRole("table", { name: "Changes on the agenda" })).toContainText(`E2E new acquirer ${RUN}`);
  // One change manager signs in here, so this run's CAB needs one approval; restored afterwards.
  await changeManager.getByLabel("Quorum (approvals needed)").fill("1");
  await changeManager.getByRole("button", { name: "Save settings" }).click();
  await expect(changeManager.getByRole("status")).toContainText("CAB settings saved");

  await changeManager.goto(changeUrl);
  await changeManager.getByRole("button", { name: "Record decision" }).click();
  await expect(changeManager.getByText("Give the reason for the decision.").first()).toBeVisible();
  await changeManager.getByLabel("Reason").fill("Flag rollback is tested; low blast radius.");
  await changeManager.getByRole("button", { name: "Record decision" }).click();
  // Decided: the vote form gives way to the decision.
  await expect(changeManager.getByRole("heading", { level: 1 })).toContainText("Approved");
  await expect(changeManager.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  await expect(changeManager.getByText("Flag rollback is tested; low blast radius.").first()).toBeVisible();
  await changeManager.goto("/changes/cab");
  await changeManager.getByLabel("Quorum (approvals needed)").fill("2");
  await changeManager.getByRole("button", { name: "Save settings" }).click();
  await expect(changeManager.getByRole("status")).toContainText("CAB settings saved");

  const secret = await pipelineToken(page, "checkout-api", ["gate:read"]);
  const api = await apiAs(null);
  expect(await gate(api, secret, version)).toMatchObject({ decision: "allow", changeType: "NORMAL" });
  const other = await gate(api, secret, `${version}-other`);
  expect(other.changeType).not.toBe("NORMAL");
  if (other.decision === "deny") expect(other.url).toContain("/changes/new?service=checkout-api");
});

test("an emergency change is implemented first, passes the gate, and is reviewed afterwards", async ({ page, pageAs }) => {
  const version = `e2e-emergency-${RUN}`;
  await page.goto(`/changes/new?service=checkout-api&environment=production&version=${version}&type=EMERGENCY`);
  await field(page, "Summary").fill(`E2E hotfix ${RUN}`);
  await field(page, "Implementation plan").fill("Deploy the fix now.");
  await field(page, "Rollback plan").fill("Redeploy the previous version.");
  await page.getByRole("button", { name: "Raise change" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Approved");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Emergency");
  await expect(page.getByText("Review due").first()).toBeVisible();
  const changeUrl = page.url();

  const changeManager = await pageAs("change-manager");
  // Delivered by the job runner just after the change commits: look until it is there.
  await expect(async () => {
    await changeManager.goto("/notifications");
    await expect(changeManager.getByRole("link", { name: new RegExp(`Emergency change CHG-\\d+ on checkout-api`) }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await changeManager.goto(changeUrl);
  await changeManager.getByLabel("Review notes").fill("Justified: card payments were failing. Follow-up: add a contract test.");
  await changeManager.getByRole("button", { name: "Record review" }).click();
  await expect(changeManager.getByText("Follow-up: add a contract test.").first()).toBeVisible();
  await expect(changeManager.getByRole("button", { name: "Record review" })).toHaveCount(0);
});
