// The demo's outcome hypotheses and its one ownership move, through their use cases, dated when each
// step happened (writtenAt: the audit events carry the story's time). Runs after the incident history.
// - Basket Service (Pat Product's Checkout team): a hypothesis written eleven weeks ago, shipped by two
//   production releases (one later rolled back, whose incident cost error budget), validated with evidence.
// - Checkout API: a hypothesis due two days ago with no result yet, so Pat's home lists it as due.
// - Legacy Invoicing moved from Ledger to Accounts forty days ago (Ledger is building its replacement); an
//   incident before the move was restored in 25 minutes, one after it in four hours: the signals page's
//   "lost accountability" has a real move to judge. No e2e journey relies on who owns Legacy Invoicing.
import type { Actor, PersonActor } from "../../lib/auth/actor";
import { updateService } from "../../lib/catalog/update-service";
import type { Db } from "../../lib/db";
import { createHypothesis } from "../../lib/hypotheses/create-hypothesis";
import { linkDeployment } from "../../lib/hypotheses/link-deployment";
import { recordHypothesisResult } from "../../lib/hypotheses/record-hypothesis-result";
import { changeIncidentStatus } from "../../lib/incidents/change-incident-status";
import { declareIncident } from "../../lib/incidents/declare-incident";
import { writtenAt } from "./backdate";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const day = (at: Date) => at.toISOString().slice(0, 10);
const later = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MIN);

async function personByEmail(prisma: Db, email: string): Promise<PersonActor> {
  const row = await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true, isIncidentManager: true, memberships: { select: { teamId: true } } } });
  return { kind: "PERSON", id: row.id, name: row.name, email: row.email, role: row.role, isIncidentManager: row.isIncidentManager, teamIds: row.memberships.map((m) => m.teamId) };
}

/** Production releases of the service that shipped in [from, to], oldest first, those that caused an incident first. */
async function releases(prisma: Db, slug: string, from: Date, to: Date) {
  const rows = await prisma.deployment.findMany({
    where: { service: { slug }, environment: { isProduction: true }, status: { in: ["SUCCEEDED", "ROLLED_BACK"] }, startedAt: { gte: from, lte: to } },
    orderBy: { startedAt: "asc" },
    select: { id: true, startedAt: true, finishedAt: true, causedIncidents: { select: { id: true } } },
  });
  return [...rows.filter((r) => r.causedIncidents.length), ...rows.filter((r) => !r.causedIncidents.length)];
}

export async function seedDemoHypotheses(prisma: Db, now = new Date()): Promise<void> {
  const story = new Date(now.getTime() - 60_000);
  const pat = await personByEmail(prisma, "pm@runwell.local");

  // Basket Service: written 77 days ago, measured by 20 days ago, validated 16 days ago.
  const written = new Date(story.getTime() - 77 * DAY);
  const basket = await writtenAt(written, () => createHypothesis(prisma, pat, {
    service: "basket-service", capability: "baskets saved across devices", outcome: "fewer abandoned baskets",
    metric: "the weekly basket abandonment rate", amount: "-3 percentage points", measureBy: day(new Date(story.getTime() - 20 * DAY)),
  }, written));
  const shipped = (await releases(prisma, "basket-service", written, new Date(story.getTime() - 30 * DAY))).slice(0, 2);
  for (const release of shipped) {
    const linkedAt = later(release.finishedAt ?? release.startedAt, 30);
    await writtenAt(linkedAt, () => linkDeployment(prisma, pat, { hypothesisId: basket.id, deploymentId: release.id }));
  }
  const decided = new Date(story.getTime() - 16 * DAY);
  await writtenAt(decided, () => recordHypothesisResult(prisma, pat, {
    hypothesisId: basket.id, result: "VALIDATED",
    evidence: "Abandonment fell from 71.8% to 67.9% (-3.9 points) over the four weeks after the second release, against 71-72% for the eight weeks before. Source: Basket funnel dashboard, weekly abandonment panel.",
  }, decided));

  // Checkout API: written 40 days ago, due two days ago, not decided yet.
  const opened = new Date(story.getTime() - 40 * DAY);
  const checkout = await writtenAt(opened, () => createHypothesis(prisma, pat, {
    service: "checkout-api", capability: "Apple Pay at checkout", outcome: "more completed mobile checkouts",
    metric: "mobile checkout conversion", amount: "+2 percentage points", measureBy: day(new Date(story.getTime() - 2 * DAY)),
  }, opened));
  const [release] = await releases(prisma, "checkout-api", opened, new Date(story.getTime() - 7 * DAY));
  if (release) await writtenAt(later(release.finishedAt ?? release.startedAt, 20), () => linkDeployment(prisma, pat, { hypothesisId: checkout.id, deploymentId: release.id }));

  await seedOwnershipMove(prisma, story);
}

async function seedOwnershipMove(prisma: Db, story: Date): Promise<void> {
  const admin = await personByEmail(prisma, "admin@runwell.local");
  const ledger = await personByEmail(prisma, "kenji.watanabe@runwell.local");
  const accounts = await personByEmail(prisma, "mateo.garcia@runwell.local");
  const alerting: Actor = { kind: "SYSTEM", label: "alerting (invoice renderer)" };
  const restore = async (responder: PersonActor, at: Date, minutes: number, note: string) => {
    const incident = await writtenAt(at, () => declareIncident(prisma, alerting, {
      services: ["legacy-invoicing"], title: "Invoice PDFs fail to render", summary: "Business customers get an error page instead of their invoice.", impact: "LOW",
    }, at));
    await writtenAt(later(at, 8), () => changeIncidentStatus(prisma, responder, { incidentId: incident.id, action: "acknowledge" }, later(at, 8)));
    await writtenAt(later(at, minutes), () => changeIncidentStatus(prisma, responder, { incidentId: incident.id, action: "mitigate", note }, later(at, minutes)));
    await writtenAt(later(at, minutes + 30), () => changeIncidentStatus(prisma, responder, { incidentId: incident.id, action: "resolve", note: "Invoices render again." }, later(at, minutes + 30)));
  };
  const before = new Date(story.getTime() - 52 * DAY);
  before.setUTCHours(10, 15, 0, 0);
  await restore(ledger, before, 25, "Restarted the renderer; the font cache had filled the disk.");

  const movedAt = new Date(story.getTime() - 40 * DAY);
  movedAt.setUTCHours(11, 0, 0, 0);
  const service = await prisma.service.findUniqueOrThrow({
    where: { slug: "legacy-invoicing" },
    select: { name: true, slug: true, description: true, lifecycle: true, tier: true, maxLossPerHour: true, availabilityTarget: true, targetJustification: true, deploymentTarget: true, repositoryUrl: true, links: { orderBy: { position: "asc" }, select: { kind: true, label: true, url: true } } },
  });
  const accountsTeam = await prisma.team.findUniqueOrThrow({ where: { slug: "accounts" }, select: { id: true } });
  await writtenAt(movedAt, () => updateService(prisma, admin, service.slug, { ...service, description: `${service.description} Run by Accounts while Ledger builds its replacement.`, teamId: accountsTeam.id }, movedAt));

  const after = new Date(story.getTime() - 18 * DAY);
  after.setUTCHours(10, 40, 0, 0);
  await restore(accounts, after, 245, "Found the runbook-less renderer host; cleared the font cache after a restart did not help.");
}
