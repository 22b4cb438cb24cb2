// Issue 16's journey through the built app, end to end: a critical alert makes a major incident → its
// post-incident review is scheduled by the event stream → two participants record their own analyses
// (each hidden until shared) → the joint review is published → an engineer of another team reads it
// (the reader count moves) → its action lands in the owning team's backlog → the product manager
// estimates it, sees the planned operational share move, and reorders the backlog from the keyboard.
import { spawnSync } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { createBacklogItem } from "../../lib/backlog/create-backlog-item";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { alertmanagerPayload } from "../../test/fixtures/alert-payloads";
import { withDatabase } from "../database";
import { expect, SIGNED_OUT, signInThroughForm, test } from "../fixtures";

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const databaseEnv = { DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" };

function tokenFor(service: string): string {
  const made = spawnSync("npm", ["run", "-s", "cli", "--", "token", "create", "--service", service, "--scopes", "incidents:write", "--name", `learning ${RUN}`], {
    encoding: "utf8", env: { ...process.env, ...databaseEnv },
  });
  expect(made.status, made.stderr).toBe(0);
  return made.stdout.trim();
}

async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
  const page = await context.newPage();
  await signInThroughForm(page, email);
  await expect(page.getByRole("heading", { level: 1, name: /^Hello,/ })).toBeVisible();
  return page;
}

test.use({ storageState: SIGNED_OUT });

test("a major incident's review is written blind, published, read across teams, and its action moves the team's balance", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const people = { pm: `e2e.learn.pm.${RUN}@runwell.local`, engineer: `e2e.learn.eng.${RUN}@runwell.local`, reader: `e2e.learn.reader.${RUN}@runwell.local` };
  const teamSlug = `e2e-learning-${RUN}`;
  const slug = `e2e-learning-svc-${RUN}`;
  await withDatabase(async (prisma) => {
    const { team, pm } = await prisma.$transaction(async (tx) => {
      const team = await createTeam(tx, { name: `E2E Learning ${RUN}`, slug: teamSlug });
      const other = await createTeam(tx, { name: `E2E Readers ${RUN}`, slug: `e2e-readers-${RUN}` });
      const pm = await createPerson(tx, { email: people.pm, name: `Priya PM ${RUN}`, role: "PRODUCT_MANAGER", password: "runwell-demo", teams: [{ teamId: team.id }] });
      await createPerson(tx, { email: people.engineer, name: `Emeka Eng ${RUN}`, password: "runwell-demo", teams: [{ teamId: team.id }] });
      await createPerson(tx, { email: people.reader, name: `Rosa Reader ${RUN}`, password: "runwell-demo", teams: [{ teamId: other.id }] });
      await createService(tx, { teamId: team.id, name: `E2E Learning ${RUN}`, slug, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
      return { team, pm };
    });
    // Two features already planned: the team's plan is all product work.
    const actor = { kind: "PERSON" as const, id: pm.id, name: pm.name, email: pm.email, role: "PRODUCT_MANAGER" as const, isIncidentManager: false, teamIds: [team.id] };
    for (const title of [`Gift cards ${RUN}`, `Saved addresses ${RUN}`]) await createBacklogItem(prisma, actor, { teamSlug, title, type: "PRODUCT", estimate: 5 });
  });

  // A critical alert: a HIGH-impact, major incident.
  const api = await playwright.request.newContext({ baseURL });
  const fired = await api.post("/api/v1/integrations/alertmanager", {
    headers: { authorization: `Bearer ${tokenFor(slug)}` },
    data: alertmanagerPayload(`{}:{alertname="CheckoutDown", run="${RUN}"}`, [{ status: "firing", fingerprint: `fp-${RUN}`, startsAt: new Date(Date.now() - 60_000).toISOString() }]),
  });
  expect(fired.status()).toBe(200);
  const incident = await withDatabase((prisma) => prisma.incident.findFirstOrThrow({ where: { service: { slug } }, select: { id: true, impact: true } }));
  expect(incident.impact).toBe("HIGH");

  // The review is scheduled from the event stream: wait for it to appear on the incident page.
  const pm = await signedIn(browser, baseURL, people.pm);
  pm.on("dialog", (dialog) => void dialog.accept());
  await expect.poll(async () => {
    await pm.goto(`/incidents/${incident.id}`);
    return pm.getByRole("region", { name: "Post-incident review" }).getByRole("link", { name: /PIR-\d+/ }).count();
  }, { timeout: 45_000 }).toBeGreaterThan(0);
  await pm.getByRole("region", { name: "Post-incident review" }).getByRole("link", { name: /PIR-\d+/ }).first().click();
  await expect(pm).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
  const reviewUrl = new URL(pm.url()).pathname;
  await expect(pm.getByRole("heading", { level: 1 })).toContainText("Collecting analyses");

  // The product manager invites the engineer, then writes her own analysis, still private.
  await pm.getByLabel("Invite someone").selectOption({ label: `Emeka Eng ${RUN}` });
  await pm.getByRole("button", { name: "Invite" }).click();
  await expect(pm.getByRole("list", { name: "Participants" })).toContainText(`Emeka Eng ${RUN}`);
  const pmAnalysis = `The alert fired only once users noticed ${RUN}`;
  await pm.getByLabel(/Your analysis/).fill(pmAnalysis);
  await pm.getByRole("button", { name: "Record my analysis" }).click();
  await expect(pm.getByText("Analysis saved: only you can see it until you share it.")).toBeVisible();

  // The engineer does not see it; he records his own and shares it.
  const engineer = await signedIn(browser, baseURL, people.engineer);
  await engineer.goto(reviewUrl);
  await expect(engineer.getByText(pmAnalysis)).toHaveCount(0);
  const engineerAnalysis = `The connection pool was exhausted by a retry storm ${RUN}`;
  await engineer.getByLabel(/Your analysis/).fill(engineerAnalysis);
  await engineer.getByRole("button", { name: "Record my analysis" }).click();
  await expect(engineer.getByText("Analysis saved: only you can see it until you share it.")).toBeVisible();
  await engineer.getByRole("button", { name: "Share my analysis" }).click();
  await expect(engineer.getByText("Shared with the other participants.")).toBeVisible();

  // Both shared: the facilitator sees the two side by side, and writes the joint review.
  await pm.getByRole("button", { name: "Share my analysis" }).click();
  await expect(pm.getByText("Shared with the other participants.")).toBeVisible();
  await pm.reload();
  const shared = pm.getByRole("list", { name: "Shared analyses" });
  await expect(shared).toContainText(pmAnalysis);
  await expect(shared).toContainText(engineerAnalysis);
  await pm.getByRole("button", { name: "Start the joint review" }).click();
  await expect(pm.getByRole("heading", { level: 1 })).toContainText("Joint review");
  await pm.getByLabel("Summary", { exact: true }).fill(`Retries exhausted the connection pool; checkout failed for 40 minutes ${RUN}.`);
  await pm.getByRole("button", { name: "Save the review" }).click();
  await expect(pm.getByText("Saved.", { exact: true })).toBeVisible();
  await pm.getByLabel("Factor", { exact: true }).fill("Client retries had no backoff.");
  await pm.getByLabel("Tags", { exact: true }).last().fill("retries");
  await pm.getByRole("button", { name: "Add factor" }).click();
  await expect(pm.getByRole("region", { name: "Contributing factors" })).toContainText("Client retries had no backoff.");
  const action = `Add jittered backoff to client retries ${RUN}`;
  await pm.getByLabel("Action", { exact: true }).fill(action);
  await pm.getByRole("button", { name: "Add action" }).click();
  await expect(pm.getByRole("region", { name: "Actions" })).toContainText(action);
  await pm.getByRole("button", { name: "Publish to the organisation" }).click();
  await expect(pm.getByRole("heading", { level: 1 })).toContainText("Published");
  const readers = Number(await pm.getByTestId("reader-count").textContent());

  // An engineer of another team finds it in the learning library and reads it: one more reader.
  const reader = await signedIn(browser, baseURL, people.reader);
  await reader.goto(`/reviews?q=${encodeURIComponent(RUN)}`);
  await reader.getByRole("list", { name: "Published reviews" }).getByRole("link").first().click();
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("Published");
  await expect(reader.getByTestId("reader-count")).toHaveText(String(readers + 1));

  // The action is in the team's backlog, from the event stream; unestimated, it does not move the share yet.
  const backlog = `/teams/${teamSlug}/backlog`;
  const openItems = pm.getByRole("list", { name: "Open items in priority order" });
  await expect.poll(async () => {
    await pm.goto(backlog);
    return openItems.getByRole("listitem").filter({ hasText: action }).count();
  }, { timeout: 45_000 }).toBe(1);
  await expect(pm.getByTestId("planned-share")).toHaveText("0 %");

  // The product manager estimates it: 3 of 13 open points are operational now.
  await openItems.getByRole("listitem").filter({ hasText: action }).getByRole("link", { name: action }).click();
  await pm.getByLabel(/^Estimate/).fill("3");
  await pm.getByRole("button", { name: "Save" }).click();
  await pm.goto(backlog);
  await expect(pm.getByTestId("planned-share")).toHaveText("23.1 %");

  // Improvement actions arrive at the top; the product manager reorders from the keyboard, letting the
  // gift cards go first this week.
  await expect(openItems.getByRole("listitem").first()).toContainText(action);
  const down = openItems.getByRole("listitem").filter({ hasText: action }).getByRole("button", { name: / down$/ });
  await down.focus();
  await pm.keyboard.press("Enter");
  await expect(pm.getByTestId("backlog-status")).toContainText("is now at position 2");
  await pm.reload();
  await expect(openItems.getByRole("listitem").nth(1)).toContainText(action);
  await expect(openItems.getByRole("listitem").first()).toContainText(`Gift cards ${RUN}`);

  // The product manager's home shows the review published and the action open.
  await pm.goto("/");
  await expect(pm.getByRole("region", { name: "Improvement actions" })).toContainText(action);
});
