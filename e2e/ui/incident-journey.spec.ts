// Issue 15's journey through the built app, end to end: an Alertmanager payload (the documented
// format, the service's token as bearer) fires → the on-call engineer is paged out of hours (the
// event stream, the paging subscriber, the notifier, a real SMTP sink) → acknowledges from the link in
// the email → the group resolves → the service's availability and error budget have moved, and the
// pay report counts the callout.
import { spawnSync } from "node:child_process";
import { createOnCallOverride, createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { alertmanagerPayload } from "../../test/fixtures/alert-payloads";
import { withDatabase } from "../database";
import { expect, SIGNED_OUT, test } from "../fixtures";
import { mailTo } from "../mail-sink";

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const HOUR = 3_600_000;
const databaseEnv = { DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" };

function tokenFor(service: string): string {
  const made = spawnSync("npm", ["run", "-s", "cli", "--", "token", "create", "--service", service, "--scopes", "incidents:write,incidents:read", "--name", `journey ${RUN}`], {
    encoding: "utf8", env: { ...process.env, ...databaseEnv },
  });
  expect(made.status, made.stderr).toBe(0);
  return made.stdout.trim();
}

test.use({ storageState: SIGNED_OUT });

test("an alert pages the on-call engineer, who acknowledges from the email; resolved, it moves availability and pays a callout", async ({ page, pageAs, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const email = `e2e.journey.${RUN}@runwell.local`;
  const name = `Olu ${RUN}`;
  const slug = `e2e-journey-${RUN}`;
  await withDatabase((prisma) =>
    prisma.$transaction(async (tx) => {
      const team = await createTeam(tx, { name: `E2E Journey ${RUN}`, slug: `e2e-journey-team-${RUN}` });
      const paged = await createPerson(tx, { email, name, teams: [{ teamId: team.id }] });
      const others = [await createPerson(tx, { teams: [{ teamId: team.id }] }), await createPerson(tx, { teams: [{ teamId: team.id }] })];
      await createService(tx, { teamId: team.id, name: `E2E Journey ${RUN}`, slug, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
      const schedule = await createOnCallSchedule(tx, { teamId: team.id, participantIds: [paged.id, ...others.map((o) => o.id)], effectiveFrom: new Date(Date.now() - 30 * 24 * HOUR) });
      // A rota with no working days: whenever this runs, the page is out of hours, so it is a callout.
      await tx.onCallSchedule.update({ where: { id: schedule.id }, data: { workingDays: [] } });
      await createOnCallOverride(tx, { scheduleId: schedule.id, personId: paged.id, startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + 24 * HOUR) });
    }),
  );
  const token = tokenFor(slug);
  const api = await playwright.request.newContext({ baseURL });
  const bearer = { authorization: `Bearer ${token}` };
  const groupKey = `{}:{alertname="CheckoutLatencyHigh", run="${RUN}"}`;
  const startsAt = new Date(Date.now() - 60_000).toISOString();

  const fired = await api.post("/api/v1/integrations/alertmanager", { headers: bearer, data: alertmanagerPayload(groupKey, [{ status: "firing", fingerprint: `fp-${RUN}`, startsAt }]) });
  expect(fired.status()).toBe(200);
  const incident = await withDatabase((prisma) => prisma.incident.findFirstOrThrow({ where: { service: { slug } }, select: { id: true, number: true } }));

  // Paged by email through the job queue: wait for the mail, not for a fixed time.
  await expect.poll(async () => (await mailTo(email)).length, { timeout: 45_000 }).toBeGreaterThan(0);
  const [mail] = await mailTo(email);
  expect(mail!.subject).toContain(`INC-${incident.number}`);
  const link = /Acknowledge: (http\S+)/.exec(mail!.text ?? "")?.[1];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `You acknowledged INC-${incident.number}` })).toBeVisible();

  // The group resolves in Alertmanager: the incident resolves with it.
  const resolved = await api.post("/api/v1/integrations/alertmanager", {
    headers: bearer,
    data: alertmanagerPayload(groupKey, [{ status: "resolved", fingerprint: `fp-${RUN}`, startsAt, endsAt: new Date().toISOString() }]),
  });
  expect(resolved.status()).toBe(200);
  const engineer = await pageAs("engineer");
  await engineer.goto(`/incidents/${incident.id}`);
  await expect(engineer.getByRole("heading", { level: 1 })).toContainText("Resolved");
  const timeline = engineer.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText(`Paged ${name}`);
  await expect(timeline).toContainText(`${name} marked the incident acknowledged`);

  // Availability and the error budget moved.
  const availability = await api.get(`/api/v1/services/${slug}/availability?days=28`, { headers: bearer });
  expect(availability.status()).toBe(200);
  const report = (await availability.json()) as { availability: number; budgetUsedMinutes: number; budgetLeftMinutes: number; budgetMinutes: number; incidents: unknown[] };
  expect(report.availability).toBeLessThan(100); // a percentage
  expect(report.budgetUsedMinutes).toBeGreaterThan(0);
  expect(report.budgetLeftMinutes).toBeLessThan(report.budgetMinutes);
  expect(report.incidents).toHaveLength(1);

  // The pay report counts the out-of-hours page as a callout for the engineer paged.
  const manager = await pageAs("product-manager");
  await manager.goto("/oncall/report");
  const row = manager.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  const headers = await manager.getByRole("columnheader").allTextContents();
  const calloutColumn = headers.findIndex((header) => header.trim() === "Callouts");
  expect(calloutColumn).toBeGreaterThan(-1);
  await expect(row.getByRole("cell").nth(calloutColumn)).toHaveText("1");
  await api.dispose();
});
