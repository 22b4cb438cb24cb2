// A quarter of incident history for the demo, made through the incident use cases as responders would
// (declare, acknowledge, post updates, confirm the cause, mitigate, resolve): incidents caused by the
// demo's rolled-back production deployments, some out of hours, one reassigned to the causing service,
// one long Identity Service outage nine days ago that spends its 28-day error budget, and one incident
// open now on Promotion Engine. Runs after the demo's main transaction, with the clock of each step.
import type { Actor, PersonActor } from "../../lib/auth/actor";
import type { Db } from "../../lib/db";
import { addIncidentUpdate as addUpdateNow } from "../../lib/incidents/add-incident-update";
import { assignIncidentRole as assignRoleNow } from "../../lib/incidents/assign-incident-role";
import { changeIncidentStatus as changeStatusNow } from "../../lib/incidents/change-incident-status";
import { confirmCause as confirmCauseNow } from "../../lib/incidents/confirm-cause";
import { declareIncident as declareNow } from "../../lib/incidents/declare-incident";
import { reassignIncident as reassignNow } from "../../lib/incidents/reassign-incident";
import { sendPages } from "../../lib/incidents/paging/send-pages";
import { incidentPagingSubscriber } from "../../lib/incidents/paging/on-incident-paging";
import { writtenAt } from "./backdate";
import { markDeliveredFor } from "./mark-history-delivered";

/** A use case run with its audit events dated when the step happened, like every other demo step. */
const dated = <R,>(useCase: (prisma: Db, actor: Actor, input: unknown, now: Date) => Promise<R>) =>
  (prisma: Db, actor: Actor, input: unknown, now: Date) => writtenAt(now, () => useCase(prisma, actor, input, now));
const declareIncident = dated(declareNow);
const changeIncidentStatus = dated(changeStatusNow);
const addIncidentUpdate = dated(addUpdateNow);
const assignIncidentRole = dated(assignRoleNow);
const confirmCause = dated(confirmCauseNow);
const reassignIncident = dated(reassignNow);

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MIN);

type Person = Omit<PersonActor, "kind">;

async function people(prisma: Db): Promise<Map<string, Person>> {
  const rows = await prisma.person.findMany({ select: { id: true, name: true, email: true, role: true, isIncidentManager: true, memberships: { select: { teamId: true } } } });
  return new Map(rows.map((row) => [row.name, { id: row.id, name: row.name, email: row.email, role: row.role, isIncidentManager: row.isIncidentManager, teamIds: row.memberships.map((membership) => membership.teamId) }]));
}

const actor = (person: Person): Actor => ({ kind: "PERSON", ...person });

/** Who responds for each demo team: the first acknowledges, the second posts updates. */
const RESPONDERS: Record<string, [string, string]> = {
  checkout: ["Tomás Silva", "Priya Raman"],
  ledger: ["Kenji Watanabe", "Hannah Becker"],
  accounts: ["Mateo García", "Aisha Mensah"],
  notifications: ["Jonas Lindqvist", "Ruth Adeyemi"],
};

/** What went wrong after a bad release, by service. */
const SYMPTOM: Record<string, string> = {
  "checkout-api": "Card authorisations timing out after the release",
  "basket-service": "Baskets losing items on update",
  "ledger-core": "Postings rejected with a constraint error",
  identity: "Sign-in failing for customers with multi-factor authentication",
  "profile-api": "Delivery addresses not returned",
  "email-dispatcher": "Order confirmations not sent",
  reconciliation: "Nightly matching job crashing on the new file format",
};

type Step = { who: Person; input: Record<string, unknown>; at: Date };

/** The history: everything resolved before the demo opens (call markHistoryDelivered after it). */
export async function seedIncidentHistory(prisma: Db, now = new Date()): Promise<void> {
  const byName = await people(prisma);
  const person = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`Demo person ${name} is missing`);
    return found;
  };
  const manager = [...byName.values()].find((p) => p.isIncidentManager)!;
  const teams = await prisma.team.findMany({ select: { id: true, slug: true } });
  const teamSlug = new Map(teams.map((team) => [team.id, team.slug]));

  // Releases that went live and were rolled back: each caused an incident shortly after it finished.
  // Only those older than the 28-day budget window: the demo's one service over its budget is Identity
  // Service (below); Checkout API's 99.99% allows four minutes, and the e2e journeys deploy it.
  const rolledBack = await prisma.deployment.findMany({
    where: { status: "ROLLED_BACK", environment: { isProduction: true }, startedAt: { gte: new Date(now.getTime() - 88 * DAY), lte: new Date(now.getTime() - 30 * DAY) } },
    orderBy: { startedAt: "asc" },
    take: 10,
    select: { id: true, version: true, startedAt: true, finishedAt: true, service: { select: { slug: true, name: true, teamId: true, maxLossPerHour: true } } },
  });
  let index = 0;
  for (const deployment of rolledBack) {
    index += 1;
    const [first, second] = RESPONDERS[teamSlug.get(deployment.service.teamId) ?? ""] ?? [manager.name, manager.name];
    const responder = person(first);
    const colleague = person(second);
    const triggeredAt = at(deployment.finishedAt ?? deployment.startedAt, 12 + (index % 4) * 6);
    // The loss decides the impact; HIGH is declared by the incident manager, minor ones by the team.
    const high = deployment.service.maxLossPerHour >= 10_000;
    const declarer = high ? manager : colleague;
    const incident = await declareIncident(prisma, actor(declarer), {
      services: [deployment.service.slug],
      title: SYMPTOM[deployment.service.slug] ?? `${deployment.service.name} errors after ${deployment.version}`,
      summary: `Error rate rose within minutes of ${deployment.service.name} ${deployment.version} reaching production.`,
      lossPerHour: String(high ? deployment.service.maxLossPerHour : Math.min(deployment.service.maxLossPerHour, 9_000)),
    }, triggeredAt);
    const steps: Step[] = [
      { who: responder, input: { action: "acknowledge" }, at: at(triggeredAt, 3 + (index % 5)) },
    ];
    for (const step of steps) await changeIncidentStatus(prisma, actor(step.who), { incidentId: incident.id, ...step.input }, step.at);
    if (high) await assignIncidentRole(prisma, actor(manager), { incidentId: incident.id, personId: responder.id, role: "COMMANDER" }, at(triggeredAt, 8));
    await addIncidentUpdate(prisma, actor(colleague), { incidentId: incident.id, message: `Suspect ${deployment.version}: rolling back.` }, at(triggeredAt, 11));
    await confirmCause(prisma, actor(responder), { incidentId: incident.id, deploymentId: deployment.id }, at(triggeredAt, 12));
    const mitigatedAt = at(triggeredAt, 18 + (index % 3) * 9);
    await changeIncidentStatus(prisma, actor(responder), { incidentId: incident.id, action: "mitigate", note: "Rolled back; error rate back to normal." }, mitigatedAt);
    await changeIncidentStatus(prisma, actor(responder), { incidentId: incident.id, action: "resolve", note: "Fix forward scheduled." }, at(mitigatedAt, 40));
  }

  // Checkout API could not confirm orders because Profile API stopped answering: reassigned to Accounts.
  const profileDay = new Date(now.getTime() - 41 * DAY);
  profileDay.setUTCHours(14, 10, 0, 0);
  const reassigned = await declareIncident(prisma, actor(person("Priya Raman")), {
    services: ["checkout-api"], title: "Orders stuck at 'confirming'", summary: "Checkout cannot read delivery addresses.", impact: "MEDIUM",
  }, profileDay);
  await changeIncidentStatus(prisma, actor(person("Tomás Silva")), { incidentId: reassigned.id, action: "acknowledge" }, at(profileDay, 4));
  await reassignIncident(prisma, actor(person("Tomás Silva")), { incidentId: reassigned.id, service: "profile-api", reason: "Profile API answers 503 for every address lookup." }, at(profileDay, 15));
  await changeIncidentStatus(prisma, actor(person("Mateo García")), { incidentId: reassigned.id, action: "mitigate", note: "Connection pool raised; lookups answer again." }, at(profileDay, 38));
  await changeIncidentStatus(prisma, actor(person("Mateo García")), { incidentId: reassigned.id, action: "resolve" }, at(profileDay, 70));

  // Out of hours: the nightly reconciliation run failed at 02:40; its alert paged Kenji from the Payments
  // domain's rota (a callout in that month's pay report), who fixed it by the morning.
  const alerting: Actor = { kind: "SYSTEM", label: "alerting (reconciliation job)" };
  const kenji = person("Kenji Watanabe");
  const reconciliation = await prisma.service.findUniqueOrThrow({ where: { slug: "reconciliation" }, select: { id: true, escalateAfterMinutes: true, escalateAgainAfterMinutes: true } });
  const domainRota = await prisma.onCallSchedule.findFirst({ where: { domain: { slug: "payments" }, archivedAt: null }, select: { id: true } });
  for (const daysAgo of [63, 27]) {
    const night = new Date(now.getTime() - daysAgo * DAY);
    night.setUTCHours(2, 40, 0, 0);
    const incident = await declareIncident(prisma, alerting, {
      services: ["reconciliation"], title: "Nightly reconciliation run failed", summary: "The acquirer's settlement file arrived truncated.", impact: "LOW",
    }, night);
    const pagedAt = at(night, 1);
    await writtenAt(pagedAt, () => prisma.$transaction((tx) =>
      sendPages(
        tx,
        [{ level: 0, personId: kenji.id, teamId: null, scheduleId: domainRota?.id ?? null, outOfHours: true, reason: "primary on call for the Payments domain (out of hours)" }],
        { incidentId: incident.id, serviceId: reconciliation.id, roundStart: pagedAt, step: 0, delays: reconciliation },
        pagedAt,
        // History: acknowledged in time below, so no escalation was ever due.
        async () => {},
      )));
    await changeIncidentStatus(prisma, actor(kenji), { incidentId: incident.id, action: "acknowledge" }, at(night, 9));
    await changeIncidentStatus(prisma, actor(kenji), { incidentId: incident.id, action: "resolve", note: "Re-ran with the re-sent file." }, at(night, 95));
  }

  // Nine days ago Identity Service was down for three hours: more than its 28-day budget at 99.9%.
  const outage = new Date(now.getTime() - 9 * DAY);
  outage.setUTCHours(9, 20, 0, 0);
  const identity = await declareIncident(prisma, actor(manager), {
    services: ["identity"], title: "Customers cannot sign in", summary: "The session store's certificate expired; every sign-in fails.", impact: "HIGH",
  }, outage);
  await changeIncidentStatus(prisma, actor(person("Aisha Mensah")), { incidentId: identity.id, action: "acknowledge" }, at(outage, 6));
  await assignIncidentRole(prisma, actor(manager), { incidentId: identity.id, personId: manager.id, role: "COMMANDER" }, at(outage, 7));
  await assignIncidentRole(prisma, actor(manager), { incidentId: identity.id, personId: person("Daniel Kim").id, role: "COMMUNICATIONS" }, at(outage, 8));
  await addIncidentUpdate(prisma, actor(person("Aisha Mensah")), { incidentId: identity.id, message: "Certificate renewal needs the security team's approval; requested." }, at(outage, 45));
  await changeIncidentStatus(prisma, actor(person("Aisha Mensah")), { incidentId: identity.id, action: "mitigate", note: "New certificate installed; sign-ins succeed." }, at(outage, 185));
  await changeIncidentStatus(prisma, actor(person("Aisha Mensah")), { incidentId: identity.id, action: "resolve", note: "Expiry monitoring added." }, at(outage, 240));
}

/**
 * Open now, on Erin's team, and paged to Erin (the demo engineer) a quarter of an hour ago, not yet
 * acknowledged: her home, bell and email show it with the acknowledge link. The page is written the
 * way the paging subscriber writes it (sendPages), so the rota's own round is skipped: who is on call
 * at seed time would otherwise decide whom the demo pages. It does not escalate, so the demo stays as
 * seeded until someone acknowledges.
 */
export async function seedOpenIncident(prisma: Db, now = new Date()): Promise<void> {
  const byName = await people(prisma);
  const person = (name: string) => byName.get(name)!;
  const erin = person("Erin Engineer");
  const triggeredAt = at(now, -15);
  const open = await declareIncident(prisma, actor(person("Priya Raman")), {
    services: ["promo-engine"], title: "Voucher codes rejected", summary: "Customers report that every voucher code is refused at checkout.", impact: "LOW",
  }, triggeredAt);
  const service = await prisma.service.findUniqueOrThrow({ where: { slug: "promo-engine" }, select: { id: true, escalateAfterMinutes: true, escalateAgainAfterMinutes: true } });
  await writtenAt(triggeredAt, () => prisma.$transaction((tx) =>
    sendPages(
      tx,
      [{ level: 0, personId: erin.id, teamId: null, scheduleId: null, outOfHours: false, reason: "the Checkout engineer on duty for Promotion Engine in working hours" }],
      { incidentId: open.id, serviceId: service.id, roundStart: triggeredAt, step: 0, delays: service },
      triggeredAt,
      async () => {},
    )));
  await markDeliveredFor(prisma, incidentPagingSubscriber.name);
  await addIncidentUpdate(prisma, actor(person("Priya Raman")), { incidentId: open.id, message: "Started after this morning's rule import; looking at the rule cache." }, at(now, -10));
}
