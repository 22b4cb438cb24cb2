// The current names of the things audit events are about, read in bulk: one query per entity type for
// a whole page of events (describe-audit-events.ts collects the ids first), never one per row. Each
// name comes with the page that shows the thing, so a sentence links to it.
import type { DbTx } from "../db";
import { runbookPath } from "../runbooks/paths";
import type { AuditedEntityType } from "./audited-entities";

export type NamedThing = { name: string; href: string | null };
type Lookup = (db: DbTx, ids: string[]) => Promise<[string, NamedThing][]>;

const scheduleHref = (schedule: { slug: string }) => `/oncall/${schedule.slug}`;

/** What each audited entity is called in words, and where its current name is read. */
export const ENTITY_NAMES: Record<AuditedEntityType, { noun: string; lookup: Lookup | null }> = {
  Service: { noun: "service", lookup: async (db, ids) => (await db.service.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })).map((s) => [s.id, { name: s.name, href: `/services/${s.slug}` }]) },
  ServiceLink: {
    noun: "link",
    lookup: async (db, ids) => (await db.serviceLink.findMany({ where: { id: { in: ids } }, select: { id: true, label: true, service: { select: { slug: true } } } })).map((l) => [l.id, { name: l.label, href: `/services/${l.service.slug}` }]),
  },
  ApiToken: {
    noun: "API token",
    lookup: async (db, ids) => (await db.apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, service: { select: { slug: true } } } })).map((t) => [t.id, { name: t.name, href: t.service ? `/services/${t.service.slug}/tokens` : null }]),
  },
  Team: { noun: "team", lookup: async (db, ids) => (await db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })).map((t) => [t.id, { name: t.name, href: `/teams/${t.slug}` }]) },
  TeamMembership: {
    noun: "membership",
    lookup: async (db, ids) => {
      const pairs = ids.map((id) => id.split(":") as [string, string]);
      const rows = await db.teamMembership.findMany({
        where: { OR: pairs.map(([teamId, personId]) => ({ teamId, personId })) },
        select: { teamId: true, personId: true, person: { select: { name: true } }, team: { select: { name: true, slug: true } } },
      });
      return rows.map((m) => [`${m.teamId}:${m.personId}`, { name: `${m.person.name} in ${m.team.name}`, href: `/teams/${m.team.slug}` }]);
    },
  },
  Person: { noun: "person", lookup: async (db, ids) => (await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, { name: p.name, href: `/people/${p.id}` }]) },
  // "<queue>:<job id>": the queue is the name; failed jobs are listed on /jobs.
  Webhook: {
    noun: "webhook",
    // The URL is shortened in the snapshot (a Slack URL is a credential); the label names scope and host.
    lookup: async (db, ids) =>
      (await db.webhook.findMany({ where: { id: { in: ids } }, select: { id: true, teamId: true, team: { select: { slug: true } } } })).map((w) => [
        w.id,
        { name: `webhook of ${w.team ? `team ${w.team.slug}` : "the organisation"}`, href: w.team ? `/teams/${w.team.slug}/webhooks` : "/webhooks" },
      ]),
  },
  Job: { noun: "job", lookup: async (_db, ids) => ids.map((id) => [id, { name: id.split(":")[0] ?? id, href: "/jobs" }]) },
  Domain: { noun: "domain", lookup: async (db, ids) => (await db.domain.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((d) => [d.id, { name: d.name, href: null }]) },
  ExposureBand: { noun: "exposure band", lookup: async (db, ids) => (await db.exposureBand.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((b) => [b.id, { name: b.name, href: null }]) },
  Environment: {
    noun: "environment",
    lookup: async (db, ids) => (await db.environment.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((e) => [e.id, { name: e.name, href: "/deployments/environments" }]),
  },
  Runbook: {
    noun: "runbook",
    lookup: async (db, ids) => (await db.runbook.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, slug: true, service: { select: { slug: true } } } })).map((r) => [r.id, { name: r.title, href: runbookPath(r.service.slug, r.slug) }]),
  },
  RunbookTemplate: {
    noun: "runbook template",
    lookup: async (db, ids) => (await db.runbookTemplate.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })).map((t) => [t.id, { name: t.name, href: `/runbooks/templates/${t.slug}` }]),
  },
  Deployment: {
    noun: "deployment",
    lookup: async (db, ids) =>
      (await db.deployment.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, service: { select: { name: true } } } })).map((d) => [d.id, { name: `${d.service.name} ${d.version}`, href: `/deployments/${d.id}` }]),
  },
  ChangeRequest: { noun: "change", lookup: async (db, ids) => (await db.changeRequest.findMany({ where: { id: { in: ids } }, select: { id: true, number: true } })).map((c) => [c.id, { name: `CHG-${c.number}`, href: `/changes/${c.id}` }]) },
  GateDecision: {
    noun: "gate decision",
    lookup: async (db, ids) =>
      (await db.gateDecision.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, changeRequestId: true, service: { select: { name: true } } } }))
        .map((g) => [g.id, { name: `the gate decision on ${g.service.name} ${g.version}`, href: g.changeRequestId ? `/changes/${g.changeRequestId}` : null }]),
  },
  DeploymentPattern: {
    noun: "deployment pattern",
    lookup: async (db, ids) => (await db.deploymentPattern.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })).map((p) => [p.id, { name: p.name, href: `/changes/patterns/${p.slug}` }]),
  },
  FreezeWindow: { noun: "freeze", lookup: async (db, ids) => (await db.freezeWindow.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((f) => [f.id, { name: f.name, href: "/changes/freezes" }]) },
  RequiredHealthCheck: {
    noun: "required health check",
    lookup: async (db, ids) => (await db.requiredHealthCheck.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, { name: c.name, href: "/changes/checks" }]),
  },
  CabSettings: { noun: "CAB settings", lookup: async (_db, ids) => ids.map((id) => [id, { name: "the CAB settings", href: "/changes/cab" }]) },
  OrganisationSettings: { noun: "organisation settings", lookup: async (_db, ids) => ids.map((id) => [id, { name: "the organisation settings", href: "/settings" }]) },
  ErrorBudgetException: {
    noun: "error-budget exception",
    lookup: async (db, ids) =>
      (await db.errorBudgetException.findMany({ where: { id: { in: ids } }, select: { id: true, service: { select: { name: true, slug: true } } } })).map((e) => [
        e.id, { name: `the error-budget exception of ${e.service.name}`, href: `/services/${e.service.slug}` },
      ]),
  },
  OnCallSchedule: {
    noun: "on-call schedule",
    lookup: async (db, ids) => (await db.onCallSchedule.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })).map((s) => [s.id, { name: s.name, href: scheduleHref(s) }]),
  },
  OnCallOverride: {
    noun: "override",
    lookup: async (db, ids) => (await db.onCallOverride.findMany({ where: { id: { in: ids } }, select: { id: true, schedule: { select: { name: true, slug: true } } } })).map((o) => [o.id, { name: o.schedule.name, href: scheduleHref(o.schedule) }]),
  },
  OnCallRequest: {
    noun: "on-call request",
    lookup: async (db, ids) => (await db.onCallRequest.findMany({ where: { id: { in: ids } }, select: { id: true, schedule: { select: { name: true, slug: true } } } })).map((r) => [r.id, { name: r.schedule.name, href: scheduleHref(r.schedule) }]),
  },
  OnCallFeed: {
    noun: "calendar feed",
    lookup: async (db, ids) =>
      (await db.onCallFeed.findMany({ where: { id: { in: ids } }, select: { id: true, schedule: { select: { name: true, slug: true } }, person: { select: { name: true } } } }))
        .map((f) => [f.id, f.schedule ? { name: f.schedule.name, href: scheduleHref(f.schedule) } : { name: f.person?.name ?? "a person", href: "/oncall/me" }]),
  },
  // A team's policy is audited under the team's id.
  OnCallPayPolicy: { noun: "pay policy", lookup: async (db, ids) => (await db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((t) => [t.id, { name: t.name, href: "/oncall/report" }]) },
  OnCallLeave: {
    noun: "leave",
    lookup: async (db, ids) => (await db.onCallLeave.findMany({ where: { id: { in: ids } }, select: { id: true, person: { select: { id: true, name: true } } } })).map((l) => [l.id, { name: l.person.name, href: `/people/${l.person.id}` }]),
  },
  Incident: {
    noun: "incident",
    lookup: async (db, ids) => (await db.incident.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, title: true } })).map((i) => [i.id, { name: `INC-${i.number} (${i.title})`, href: `/incidents/${i.id}` }]),
  },
  Hypothesis: {
    noun: "hypothesis",
    lookup: async (db, ids) =>
      (await db.hypothesis.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, service: { select: { slug: true } } } })).map((h) => [h.id, { name: `HYP-${h.number}`, href: `/services/${h.service.slug}/hypotheses/${h.number}` }]),
  },
  BacklogItem: {
    noun: "backlog item",
    lookup: async (db, ids) =>
      (await db.backlogItem.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, title: true, team: { select: { slug: true } } } })).map((i) => [i.id, { name: `BL-${i.number} '${i.title}'`, href: `/teams/${i.team.slug}/backlog#item-${i.number}` }]),
  },
  HolidayCalendar: {
    noun: "holiday calendar",
    lookup: async (db, ids) => (await db.holidayCalendar.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })).map((c) => [c.id, { name: c.name, href: `/oncall/holidays/${c.slug}` }]),
  },
  Holiday: {
    noun: "holiday",
    lookup: async (db, ids) => (await db.holiday.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, calendar: { select: { slug: true } } } })).map((h) => [h.id, { name: h.name, href: `/oncall/holidays/${h.calendar.slug}` }]),
  },
  PostIncidentReview: {
    noun: "review",
    lookup: async (db, ids) => (await db.postIncidentReview.findMany({ where: { id: { in: ids } }, select: { id: true, number: true } })).map((r) => [r.id, { name: `PIR-${r.number}`, href: `/reviews/${r.id}` }]),
  },
};

/** The current names of `wanted` (ids per entity type), one query per type, all types at once. */
export async function readEntityNames(db: DbTx, wanted: Map<string, Set<string>>): Promise<Map<string, NamedThing>> {
  const found = new Map<string, NamedThing>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      const lookup = ENTITY_NAMES[type as AuditedEntityType]?.lookup;
      if (!lookup || ids.size === 0) return;
      for (const [id, named] of await lookup(db, [...ids])) found.set(`${type}|${id}`, named);
    }),
  );
  return found;
}
