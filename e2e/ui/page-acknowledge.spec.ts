// A page through the built app: an incident on a service whose on-call person is this spec's own
// engineer pages them (the event stream, the paging subscriber, the notifier, the email job, a real
// SMTP sink); the link in the email opens without a session, shows the incident and writes nothing
// until Acknowledge is pressed; then the incident is acknowledged as that person, as its page in the
// portal shows. A changed link is
// refused with a 403 page.
import { createOnCallOverride, createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { openIncident } from "../../lib/incidents/open-incident";
import { withDatabase } from "../database";
import { expect, SIGNED_OUT, test } from "../fixtures";
import { mailTo } from "../mail-sink";

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const HOUR = 3_600_000;

test.use({ storageState: SIGNED_OUT });

test("the on-call engineer acknowledges a page from the link in its email, with one press", async ({ page, pageAs }) => {
  const email = `e2e.paged.${RUN}@runwell.local`;
  const { incidentId, number } = await withDatabase((prisma) =>
    prisma.$transaction(async (tx) => {
      const team = await createTeam(tx, { name: `E2E Paging ${RUN}`, slug: `e2e-paging-${RUN}` });
      const paged = await createPerson(tx, { email, name: `Paige ${RUN}`, teams: [{ teamId: team.id }] });
      const others = [await createPerson(tx, { teams: [{ teamId: team.id }] }), await createPerson(tx, { teams: [{ teamId: team.id }] })];
      const service = await createService(tx, { teamId: team.id, name: `E2E Paged ${RUN}`, slug: `e2e-paged-${RUN}`, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
      // 99.9% with the team's own rota, and Paige covering it now: she is paged in working hours and out of them.
      const schedule = await createOnCallSchedule(tx, { teamId: team.id, participantIds: [paged.id, ...others.map((o) => o.id)], effectiveFrom: new Date(Date.now() - 30 * 24 * HOUR) });
      await createOnCallOverride(tx, { scheduleId: schedule.id, personId: paged.id, startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + 24 * HOUR) });
      const opened = await openIncident(tx, { kind: "SYSTEM", label: "e2e" }, {
        services: [{ id: service.id, slug: service.slug, name: service.name, teamId: team.id }],
        title: "Checkout answers 502", summary: "", impact: "MEDIUM", lossPerHour: null, source: "PORTAL", triggeredAt: new Date(),
      }, new Date());
      return { incidentId: opened.id, number: opened.number };
    }),
  );

  // The email arrives through the job queue: wait for it, not for a fixed time.
  await expect.poll(async () => (await mailTo(email)).length, { timeout: 45_000 }).toBeGreaterThan(0);
  const [mail] = await mailTo(email);
  expect(mail!.subject).toContain(`You are paged: INC-${number}`);
  const link = /Acknowledge: (http\S+)/.exec(mail!.text ?? "")?.[1];
  expect(link).toBeTruthy();
  const path = new URL(link!).pathname;

  // Opening the link (as a mail scanner would) shows the page and changes nothing.
  const shown = await page.goto(path);
  expect(shown!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: `Acknowledge INC-${number}?` })).toBeVisible();
  await expect(page.getByTestId("incident-status")).toHaveText("triggered");
  expect(await withDatabase((prisma) => prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { status: true } }))).toEqual({ status: "TRIGGERED" });

  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `You acknowledged INC-${number}` })).toBeVisible();
  await expect(page.getByTestId("incident-status")).toHaveText("acknowledged");
  await expect(page.getByText(`acknowledged by Paige ${RUN}`)).toBeVisible();
  const after = await withDatabase((prisma) => prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { status: true, pages: { select: { acknowledgedAt: true } } } }));
  expect(after.status).toBe("ACKNOWLEDGED");
  expect(after.pages.every((p) => p.acknowledgedAt !== null)).toBe(true);

  // The incident page shows it acknowledged, by her, from the link, after the page that reached her.
  const colleague = await pageAs("engineer");
  await colleague.goto(`/incidents/${incidentId}`);
  await expect(colleague.getByRole("heading", { level: 1 })).toContainText("Acknowledged");
  const timeline = colleague.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText(`Paged Paige ${RUN}`);
  await expect(timeline).toContainText(`Paige ${RUN} marked the incident acknowledged: from the acknowledge link in their page`);

  // A link with its signature changed is refused and says why.
  const dot = path.indexOf(".") + 1;
  const tampered = `${path.slice(0, dot)}${path[dot] === "A" ? "B" : "A"}${path.slice(dot + 1)}`;
  const refused = await page.goto(tampered);
  expect(refused!.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("not signed by this Runwell");
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
});
