// The demo is seeded in one transaction today but tells a story of months. Audit events are
// append-only, so each step is written with the time it happened: through the use case's own write,
// inside recordingHistoryAt (lib/audit/record-audit-event.ts), or with an explicit occurredAt.
export { recordingHistoryAt as writtenAt } from "../../lib/audit/record-audit-event";
