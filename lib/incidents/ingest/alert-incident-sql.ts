// The alert ingest's writer: what the incident core's openIncident and moveIncident write for an
// alert's incident, as a few set-based prepared statements in one transaction on the raw pool
// (lib/db.ts withPreparedTransaction), instead of about fifteen Prisma round trips:
//   - one read: the service (and its team's name), the open incident of the group locked FOR UPDATE
//     with what its events carry (its services and team), and the service's runbooks for the alert names;
//   - opening: one statement writes the incident, its service link, the first timeline entries, the
//     alerts, the audit events (incident.declare, incident.record-alerts) and the domain events
//     (incident.triggered pages the rota), the number taken from the row it inserted;
//   - a change to an open incident: the alerts' upsert (alert-sql.ts), then one statement for the
//     timeline, the status move (planMove's stamps, guarded by the status read), the audit events
//     and the domain event, its payload built from the locked read, not read again.
// The entries, audit events and payloads are built by the core's own pure functions (openingEntries,
// declareAudit, openingEvents, planMove, alertsAuditEntry); alert-incident-sql.test.ts holds the rows
// this writes to those the core's use cases write for the same deliveries, field by field.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../auth/actor";
import { auditEventRow, insertAuditRowsSql, type AuditEntry } from "../../audit/record-audit-event";
import { preparedStatement, type RunStatement } from "../../db";
import { EVENT_SCHEMAS } from "../../events/catalogue";
import { EVENT_STREAM_LOCK } from "../../events/emit";
import type { IncidentImpact, IncidentSource } from "../../generated/prisma/enums.ts";
import { runbookPath } from "../../runbooks/paths";
import { incidentHref, type IncidentEventPayload } from "../incident-events";
import { isMajor } from "../impact";
import type { planMove } from "../move-incident";
import { declareAudit, openingEntries, openingEvents, type OpenIncident, type OpenedIncident } from "../open-incident";
import { timelineActor, type TimelineEntry } from "../timeline";
import { uniqueByFingerprint, upsertAlertsSql, upsertResult, type AlertInput, type UpsertResult, type UpsertRow } from "./alert-sql";
import type { RunbookFound } from "./alert-words";
import type { IngestService, OpenAlertIncident } from "./ingest-context";

export type ReadService = IngestService & { archivedAt: boolean; teamName: string };

/** The open incident of a group, locked, with what a status move and its event need. */
export type LockedIncident = OpenAlertIncident & {
  acknowledgedAt: Date | null; mitigatedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null; availabilityRegainedAt: Date | null;
  payload: IncidentEventPayload;
};

export type AlertIncidentContext = {
  service: ReadService | null; open: LockedIncident | null; runbooks: Map<string, RunbookFound>;
  /** The delivered alerts' upsert on the open incident, when the read was asked to write them. */
  upserted: UpsertResult | null;
};

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const iso = (value: Date | null) => value?.toISOString() ?? null;

type ReadRow = {
  service: (Omit<ReadService, "archivedAt"> & { archived: boolean }) | null;
  open: (OpenAlertIncident & {
    acknowledgedMs: number | null; mitigatedMs: number | null; resolvedMs: number | null; closedMs: number | null; regainedMs: number | null;
    title: string; impact: IncidentImpact;
    service: IncidentEventPayload["service"]; team: IncidentEventPayload["team"]; services: IncidentEventPayload["services"];
  }) | null;
  runbooks: { name: string; title: string; slug: string }[] | null;
} & Partial<UpsertRow>;

/**
 * One round trip: the service by slug (else by id), its team's name, the open incident of (service,
 * source, key) locked for this transaction (read committed re-checks its status after a wait, as
 * lockOpenIncident does), and the service's oldest runbook for each of `runbookNames`
 * (findRunbookForAlert's choice). With `alerts`, the same statement upserts them on the open incident
 * (alert-sql.ts; nothing when there is none): call it so only in a transaction, which rolls the upsert
 * back if the service then turns out not to be the caller's. Without a transaction the lock ends with
 * the statement: enough to find that no incident is open.
 */
export async function readAlertContext(
  run: RunStatement,
  input: { slug: string | null; id: string | null; source: IncidentSource; dedupKey: string; runbookNames: readonly string[]; alerts?: readonly AlertInput[] | null },
): Promise<AlertIncidentContext> {
  const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;
  const rows = input.alerts ? uniqueByFingerprint(input.alerts) : [];
  const [row] = await run<ReadRow>(preparedStatement(rows.length ? "alert-ingest-read-upsert" : "alert-ingest-read", (p) => {
    const upsert = rows.length ? upsertAlertsSql(p, "(SELECT id FROM o)", rows) : null;
    return `
    WITH s AS (
      SELECT sv.id, sv.slug, sv.name, sv."teamId", sv."archivedAt" IS NOT NULL AS archived,
             sv."criticalAlertImpact"::text AS "criticalAlertImpact", sv."errorAlertImpact"::text AS "errorAlertImpact", t.name AS "teamName"
        FROM "Service" sv JOIN "Team" t ON t.id = sv."teamId"
       WHERE sv.slug = ${p(input.slug)}::text OR (${p(input.slug)}::text IS NULL AND sv.id = ${p(input.id)}::text)
    ), o AS (
      SELECT i.id, i.number, i.status::text AS status, ${ms(`i."triggeredAt"`)} AS "triggeredMs",
             ${ms(`i."acknowledgedAt"`)} AS "acknowledgedMs", ${ms(`i."mitigatedAt"`)} AS "mitigatedMs",
             ${ms(`i."resolvedAt"`)} AS "resolvedMs", ${ms(`i."closedAt"`)} AS "closedMs", ${ms(`i."availabilityRegainedAt"`)} AS "regainedMs",
             i.title, i.impact::text AS impact, i."serviceId", i."teamId"
        FROM "Incident" i
       WHERE i."serviceId" = (SELECT id FROM s) AND i.source = ${p(input.source)}::"IncidentSource" AND i."dedupKey" = ${p(input.dedupKey)}::text
         AND i.status NOT IN ('RESOLVED', 'CLOSED')
       FOR UPDATE OF i
    ), rb AS (
      SELECT DISTINCT ON (n.name) n.name, r.title, r.slug
        FROM unnest(${p(input.runbookNames)}::text[]) AS n(name)
        JOIN "Runbook" r ON r."serviceId" = (SELECT id FROM s) AND n.name = ANY (r."alertNames")
       ORDER BY n.name, r."createdAt" ASC
    )${upsert ? `, ${upsert.ctes}` : ""}
    SELECT (SELECT row_to_json(s) FROM s) AS service,${upsert ? ` ${upsert.changed} AS changed, ${upsert.firing} AS firing,` : ""}
           (SELECT json_build_object(
                     'id', o.id, 'number', o.number, 'status', o.status, 'triggeredMs', o."triggeredMs",
                     'acknowledgedMs', o."acknowledgedMs", 'mitigatedMs', o."mitigatedMs", 'resolvedMs', o."resolvedMs",
                     'closedMs', o."closedMs", 'regainedMs', o."regainedMs", 'title', o.title, 'impact', o.impact,
                     'service', (SELECT json_build_object('id', x.id, 'slug', x.slug, 'name', x.name) FROM "Service" x WHERE x.id = o."serviceId"),
                     'team', (SELECT json_build_object('id', t.id, 'name', t.name) FROM "Team" t WHERE t.id = o."teamId"),
                     'services', (SELECT COALESCE(json_agg(json_build_object('id', x.id, 'slug', x.slug, 'name', x.name) ORDER BY l."createdAt"), '[]'::json)
                                    FROM (SELECT "serviceId", "createdAt" FROM "IncidentService" WHERE "incidentId" = o.id ORDER BY "createdAt" LIMIT 100) l
                                    JOIN "Service" x ON x.id = l."serviceId"))
              FROM o) AS open,
           (SELECT json_agg(rb) FROM rb) AS runbooks`;
  }));
  const service = row?.service ? (({ archived, ...rest }) => ({ ...rest, archivedAt: archived }))(row.service) : null;
  const found = row?.open ?? null;
  const open: LockedIncident | null = found && {
    id: found.id, number: found.number, status: found.status, triggeredMs: found.triggeredMs,
    acknowledgedAt: date(found.acknowledgedMs), mitigatedAt: date(found.mitigatedMs), resolvedAt: date(found.resolvedMs),
    closedAt: date(found.closedMs), availabilityRegainedAt: date(found.regainedMs),
    payload: {
      id: found.id, number: found.number, title: found.title, impact: found.impact, major: isMajor(found.impact), status: found.status,
      service: found.service, services: found.services, team: found.team, href: incidentHref(found.id),
    },
  };
  const runbooks = new Map((row?.runbooks ?? []).map((runbook) => [runbook.name, { title: runbook.title, path: runbookPath(service?.slug ?? "", runbook.slug) }]));
  const upserted = !input.alerts ? null : rows.length && open ? upsertResult({ changed: row?.changed ?? null, firing: row?.firing ?? 0 }) : { changed: [], firing: 0 };
  return { service, open, runbooks, upserted };
}

/** A runbook for an alert name the read did not prefetch (runbookEntries asks for at most a few). */
export async function lookupRunbook(run: RunStatement, service: { id: string; slug: string }, name: string): Promise<RunbookFound | null> {
  const [row] = await run<{ title: string; slug: string }>(preparedStatement("alert-ingest-runbook", (p) => `
    SELECT r.title, r.slug FROM "Runbook" r WHERE r."serviceId" = ${p(service.id)}::text AND ${p(name)}::text = ANY (r."alertNames")
     ORDER BY r."createdAt" ASC LIMIT 1`));
  return row ? { title: row.title, path: runbookPath(service.slug, row.slug) } : null;
}

type TimelineRow = { kind: string; message: string; url: string | null; occurredAt: string; after: number };

/**
 * Timeline rows. `after` orders entries of the same instant as the core's separate inserts do (the
 * status move's entry after the alerts' entries): the row's createdAt is the statement's now() plus
 * that many milliseconds.
 */
const timelineRows = (entries: readonly TimelineEntry[], after = 0): TimelineRow[] =>
  entries.map((entry) => ({ kind: entry.kind, message: entry.message, url: entry.url ?? null, occurredAt: entry.occurredAt.toISOString(), after }));

const TIMELINE_INPUT = `AS t(kind text, message text, url text, "occurredAt" timestamptz, after int)`;
const NOW = `(now() AT TIME ZONE 'UTC')`;
const STREAM_LOCK = `(SELECT pg_advisory_xact_lock_shared(${EVENT_STREAM_LOCK.toString()}), pg_notify('runwell_domain_events', '')) AS stream_lock`;

/** Parsed as emitEvent parses it (lib/events/emit.ts): a malformed payload fails before the write. */
function domainEvent(type: "incident.triggered" | "incident.major-declared" | "incident.acknowledged" | "incident.mitigated" | "incident.resolved" | "incident.reopened", payload: unknown) {
  return { type, payload: EVENT_SCHEMAS[type].parse(payload) };
}

export type OpeningWrite = {
  opening: OpenIncident & { services: [IngestService] };
  team: { id: string; name: string };
  alerts: readonly AlertInput[];
  /** The delivery's audit event (incident.record-alerts), for the incident written now. */
  alertsAudit: (incidentId: string) => AuditEntry;
};

/**
 * Opens an alert's incident in one statement. A concurrent delivery of the same new group loses on
 * the partial unique index rw_manual_incident_open_dedup and is retried by the caller (withRaceRetry).
 */
export async function writeOpenedIncident(run: RunStatement, actor: Actor, write: OpeningWrite, now: Date): Promise<OpenedIncident> {
  const { opening } = write;
  const [service] = opening.services;
  const id = randomUUID();
  const who = timelineActor(actor);
  // The number is the row's own (its sequence): the audit event and the payloads get it in the statement.
  const placeholder = { id, number: 1 };
  const audits = [
    { ...auditEventRow(actor, declareAudit(opening, placeholder)), numbered: true },
    { ...auditEventRow(actor, write.alertsAudit(id)), numbered: false },
  ];
  const payload: IncidentEventPayload = {
    id, number: placeholder.number, title: opening.title, impact: opening.impact, major: isMajor(opening.impact), status: "TRIGGERED",
    service: { id: service.id, slug: service.slug, name: service.name }, services: [{ id: service.id, slug: service.slug, name: service.name }],
    team: write.team, href: incidentHref(id),
  };
  const events = openingEvents(actor, opening).map((event) => domainEvent(event.type, { incident: payload, ...event.rest }));
  const [row] = await run<{ id: string; number: number }>(preparedStatement("alert-ingest-open", (p) => {
    const incident = p(id);
    const serviceId = p(service.id);
    const teamId = p(write.team.id);
    const triggeredAt = `${p(opening.triggeredAt.toISOString())}::timestamptz AT TIME ZONE 'UTC'`;
    return `
    WITH inc AS (
      INSERT INTO "Incident" (id, title, summary, impact, "lossPerHour", status, source, "serviceId", "teamId", "externalId", "dedupKey",
                              "triggeredAt", "availabilityLostAt", "causeDeploymentId", "declaredById", "createdAt", "updatedAt")
      VALUES (${incident}::text, ${p(opening.title)}::text, ${p(opening.summary)}::text, ${p(opening.impact)}::"IncidentImpact", ${p(opening.lossPerHour)}::int,
              'TRIGGERED', ${p(opening.source)}::"IncidentSource", ${serviceId}::text, ${teamId}::text, NULL, ${p(opening.dedupKey ?? null)}::text,
              ${triggeredAt}, ${triggeredAt}, NULL, ${p(who.personId)}::text, ${NOW}, ${NOW})
      RETURNING id, number
    ), linked AS (
      INSERT INTO "IncidentService" ("incidentId", "serviceId", "createdAt") SELECT inc.id, ${serviceId}::text, ${NOW} FROM inc
    ), timeline AS (
      INSERT INTO "IncidentTimelineEntry" (id, "incidentId", kind, message, "actorLabel", "personId", url, "occurredAt", "createdAt")
      SELECT gen_random_uuid()::text, inc.id, t.kind::"IncidentTimelineKind", t.message, ${p(who.actorLabel)}::text, ${p(who.personId)}::text, t.url,
             t."occurredAt" AT TIME ZONE 'UTC', ${NOW} + make_interval(secs => t.after / 1000.0)
        FROM inc, jsonb_to_recordset(${p(JSON.stringify(timelineRows(openingEntries(actor, opening, now))))}::jsonb) ${TIMELINE_INPUT}
    ), alerts AS (
      INSERT INTO "IncidentAlert" ("incidentId", fingerprint, status, name, summary, severity, "generatorUrl", labels, annotations, "startsAt", "endsAt", "createdAt", "updatedAt")
      SELECT inc.id, x.fingerprint, x.status::"IncidentAlertStatus", x.name, x.summary, x.severity, x."generatorUrl", x.labels, x.annotations,
             x."startsAt"::timestamptz AT TIME ZONE 'UTC', x."endsAt"::timestamptz AT TIME ZONE 'UTC', ${NOW}, ${NOW}
        FROM inc, jsonb_to_recordset(${p(JSON.stringify(uniqueByFingerprint(write.alerts)))}::jsonb)
          AS x(fingerprint text, status text, name text, summary text, severity text, "generatorUrl" text,
               labels jsonb, annotations jsonb, "startsAt" text, "endsAt" text)
    ), audited AS (
      ${insertAuditRowsSql(`${p(JSON.stringify(audits))}::jsonb`, {
        from: "inc, ", entityId: "inc.id", columns: "numbered boolean",
        after: `CASE WHEN r.numbered THEN jsonb_set(r.after, '{number}', to_jsonb(inc.number)) ELSE r.after END`,
      })}
    ), emitted AS (
      INSERT INTO "DomainEvent" (id, type, "entityType", "entityId", "serviceId", "teamId", payload, "occurredAt")
      SELECT gen_random_uuid()::text, d.type, 'Incident', inc.id, ${serviceId}::text, ${teamId}::text,
             jsonb_set(d.payload, '{incident,number}', to_jsonb(inc.number)), ${NOW}
        FROM inc, jsonb_to_recordset(${p(JSON.stringify(events))}::jsonb) AS d(type text, payload jsonb)
        CROSS JOIN ${STREAM_LOCK}
    )
    SELECT id, number FROM inc`;
  }));
  if (!row) throw new Error("the incident was not written");
  return { id: row.id, number: row.number, status: "TRIGGERED" };
}

export type ChangeWrite = {
  incident: LockedIncident;
  /** PagerDuty's resolve ends its alert (the key's fingerprint) at `at`. */
  resolveAlert?: { fingerprint: string; at: Date } | null;
  entries: readonly TimelineEntry[];
  audits: readonly AuditEntry[];
  /** A status move planned by the core's planMove from the locked read. */
  move?: NonNullable<ReturnType<typeof planMove>> | null;
};

/** What a delivery changes on an open incident, after its alerts' upsert: one statement. */
export async function writeIncidentChange(run: RunStatement, actor: Actor, write: ChangeWrite): Promise<void> {
  const { incident, move } = write;
  const who = timelineActor(actor);
  const entries = [...timelineRows(write.entries), ...timelineRows(move ? [move.entry] : [], 1)];
  const audits = [...write.audits, ...(move ? [{ ...move.audit, entityType: "Incident" as const, entityId: incident.id }] : [])].map((entry) => auditEventRow(actor, entry));
  const events = move?.event ? [domainEvent(move.event, { incident: { ...incident.payload, status: move.data.status }, by: move.by })] : [];
  const data = move?.data;
  const [row] = await run<{ moved: number }>(preparedStatement("alert-ingest-change", (p) => {
    const id = p(incident.id);
    return `
    WITH resolved_alert AS (
      UPDATE "IncidentAlert" SET status = 'RESOLVED', "endsAt" = ${p(iso(write.resolveAlert?.at ?? null))}::timestamptz AT TIME ZONE 'UTC', "updatedAt" = ${NOW}
       WHERE "incidentId" = ${id}::text AND fingerprint = ${p(write.resolveAlert?.fingerprint ?? null)}::text
    ), moved AS (
      UPDATE "Incident" SET status = ${p(data?.status ?? null)}::"IncidentStatus",
             "acknowledgedAt" = ${p(iso(data?.acknowledgedAt ?? null))}::timestamptz AT TIME ZONE 'UTC',
             "mitigatedAt" = ${p(iso(data?.mitigatedAt ?? null))}::timestamptz AT TIME ZONE 'UTC',
             "resolvedAt" = ${p(iso(data?.resolvedAt ?? null))}::timestamptz AT TIME ZONE 'UTC',
             "closedAt" = ${p(iso(data?.closedAt ?? null))}::timestamptz AT TIME ZONE 'UTC',
             "availabilityRegainedAt" = ${p(iso(data?.availabilityRegainedAt ?? null))}::timestamptz AT TIME ZONE 'UTC',
             "updatedAt" = ${NOW}
       WHERE id = ${id}::text AND ${p(data ? "move" : null)}::text IS NOT NULL AND status = ${p(move?.from ?? null)}::"IncidentStatus"
      RETURNING id
    ), paged AS (
      UPDATE "IncidentPage" SET "acknowledgedAt" = ${p(iso(move?.acknowledgesPagesOf ? move.entry.occurredAt : null))}::timestamptz AT TIME ZONE 'UTC'
       WHERE "incidentId" = ${id}::text AND "personId" = ${p(move?.acknowledgesPagesOf ?? null)}::text AND "acknowledgedAt" IS NULL
    ), timeline AS (
      INSERT INTO "IncidentTimelineEntry" (id, "incidentId", kind, message, "actorLabel", "personId", url, "occurredAt", "createdAt")
      SELECT gen_random_uuid()::text, ${id}::text, t.kind::"IncidentTimelineKind", t.message, ${p(who.actorLabel)}::text, ${p(who.personId)}::text, t.url,
             t."occurredAt" AT TIME ZONE 'UTC', ${NOW} + make_interval(secs => t.after / 1000.0)
        FROM jsonb_to_recordset(${p(JSON.stringify(entries))}::jsonb) ${TIMELINE_INPUT}
    ), audited AS (
      ${insertAuditRowsSql(`${p(JSON.stringify(audits))}::jsonb`)}
    ), emitted AS (
      INSERT INTO "DomainEvent" (id, type, "entityType", "entityId", "serviceId", "teamId", payload, "occurredAt")
      SELECT gen_random_uuid()::text, d.type, 'Incident', ${id}::text, ${p(incident.payload.service.id)}::text, ${p(incident.payload.team.id)}::text, d.payload, ${NOW}
        FROM jsonb_to_recordset(${p(JSON.stringify(events))}::jsonb) AS d(type text, payload jsonb)
        CROSS JOIN ${STREAM_LOCK}
    )
    SELECT (SELECT count(*) FROM moved)::int AS moved`;
  }));
  // The row is locked by the read, so the guarded move only misses if the read was wrong: roll back.
  if (move && row?.moved !== 1) throw new Error("the incident's status move did not apply");
}

