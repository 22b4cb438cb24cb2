// The alerts of an integration's incident, written in one statement however many arrive (an alert
// storm of 1,000 alerts in one Alertmanager payload is one upsert, not 1,000 round trips). An alert
// that arrives as it is stored changes nothing and is not returned, so a replayed delivery writes
// nothing after this statement.
import { preparedStatement, runPrepared, type DbTx, type PreparedStatement } from "../../db";

export type AlertInput = {
  fingerprint: string;
  status: "FIRING" | "RESOLVED";
  name: string;
  summary: string;
  severity: string | null;
  generatorUrl: string | null;
  labels: Record<string, string>;
  annotations: Record<string, unknown>;
  /** ISO instants in UTC. */
  startsAt: string;
  endsAt: string | null;
};

export type AlertChange = { fingerprint: string; status: "FIRING" | "RESOLVED"; inserted: boolean; wasFiring: boolean };

export type UpsertResult = {
  /** Alerts that are new or changed (status, summary, labels, annotations, ends). */
  changed: AlertChange[];
  /** Alerts of the incident still firing after this delivery. */
  firing: number;
};

/** Last one wins when a payload names a fingerprint twice (ON CONFLICT may touch a row once per statement). */
export function uniqueByFingerprint(alerts: readonly AlertInput[]): AlertInput[] {
  return [...new Map(alerts.map((alert) => [alert.fingerprint, alert])).values()];
}

/**
 * The upsert as CTEs (input, before, upserted) and the two result expressions (changed, firing), for
 * `incident`, an SQL expression of the incident's id (a placeholder, or a locked read's CTE; when it is
 * null nothing is written). Timestamps are stored as UTC without a zone (Prisma's DateTime): converted
 * explicitly, whatever the session's TimeZone. The final SELECT sees the table as before the upsert
 * (one snapshot), so the firing count is the untouched firing alerts plus the delivered ones that fire.
 */
export function upsertAlertsSql(p: (value: unknown) => string, incident: string, rows: readonly AlertInput[]) {
  const ctes = `input AS (
      SELECT * FROM jsonb_to_recordset(${p(JSON.stringify(rows))}::jsonb)
        AS x(fingerprint text, status text, name text, summary text, severity text, "generatorUrl" text,
             labels jsonb, annotations jsonb, "startsAt" text, "endsAt" text)
    ), before AS (
      SELECT a.fingerprint, a.status FROM "IncidentAlert" a
       WHERE a."incidentId" = ${incident} AND a.fingerprint IN (SELECT fingerprint FROM input)
    ), upserted AS (
      INSERT INTO "IncidentAlert" ("incidentId", fingerprint, status, name, summary, severity, "generatorUrl", labels, annotations, "startsAt", "endsAt", "updatedAt")
      SELECT ${incident}, fingerprint, status::"IncidentAlertStatus", name, summary, severity, "generatorUrl", labels, annotations,
             ("startsAt"::timestamptz AT TIME ZONE 'UTC'), ("endsAt"::timestamptz AT TIME ZONE 'UTC'), now() AT TIME ZONE 'UTC'
        FROM input WHERE ${incident} IS NOT NULL
      ON CONFLICT ("incidentId", fingerprint) DO UPDATE
         SET status = EXCLUDED.status, name = EXCLUDED.name, summary = EXCLUDED.summary, severity = EXCLUDED.severity,
             "generatorUrl" = EXCLUDED."generatorUrl", labels = EXCLUDED.labels, annotations = EXCLUDED.annotations,
             "endsAt" = EXCLUDED."endsAt", "updatedAt" = EXCLUDED."updatedAt"
       WHERE ("IncidentAlert".status, "IncidentAlert".name, "IncidentAlert".summary, "IncidentAlert".severity, "IncidentAlert"."generatorUrl",
              "IncidentAlert".labels, "IncidentAlert".annotations, "IncidentAlert"."endsAt")
             IS DISTINCT FROM
             (EXCLUDED.status, EXCLUDED.name, EXCLUDED.summary, EXCLUDED.severity, EXCLUDED."generatorUrl",
              EXCLUDED.labels, EXCLUDED.annotations, EXCLUDED."endsAt")
      RETURNING fingerprint, status::text AS status
    )`;
  const changed = `(SELECT json_agg(json_build_object('fingerprint', u.fingerprint, 'status', u.status,
                                              'inserted', b.fingerprint IS NULL, 'wasFiring', b.status = 'FIRING'))
              FROM upserted u LEFT JOIN before b ON b.fingerprint = u.fingerprint)`;
  const firing = `((SELECT count(*) FROM "IncidentAlert" a
              WHERE a."incidentId" = ${incident} AND a.status = 'FIRING' AND a.fingerprint NOT IN (SELECT fingerprint FROM input))
            + (SELECT count(*) FROM input WHERE status = 'FIRING'))::int`;
  return { ctes, changed, firing };
}

/** The upsert as a named prepared statement: its text is the same for every delivery, only the values change. */
function upsertStatement(incidentId: string, rows: readonly AlertInput[]): PreparedStatement {
  return preparedStatement("incident-alerts-upsert", (p) => {
    const upsert = upsertAlertsSql(p, `${p(incidentId)}::text`, rows);
    return `WITH ${upsert.ctes} SELECT ${upsert.changed} AS changed, ${upsert.firing} AS firing`;
  });
}

export type UpsertRow = { changed: AlertChange[] | null; firing: number };

export function upsertResult(result: UpsertRow | undefined): UpsertResult {
  return {
    changed: (result?.changed ?? []).map((change) => ({ ...change, wasFiring: change.wasFiring === true })),
    firing: Number(result?.firing ?? 0),
  };
}

export async function upsertAlerts(tx: DbTx, incidentId: string, alerts: readonly AlertInput[]): Promise<UpsertResult> {
  const rows = uniqueByFingerprint(alerts);
  if (rows.length === 0) return { changed: [], firing: 0 };
  const [result] = await runPrepared<UpsertRow>(tx, upsertStatement(incidentId, rows));
  return upsertResult(result);
}

/** What the upsert answers for the alerts of an incident written just now: every one is new. */
export function insertedAlerts(alerts: readonly AlertInput[]): UpsertResult {
  const rows = uniqueByFingerprint(alerts);
  return {
    changed: rows.map((alert) => ({ fingerprint: alert.fingerprint, status: alert.status, inserted: true, wasFiring: false })),
    firing: rows.filter((alert) => alert.status === "FIRING").length,
  };
}
