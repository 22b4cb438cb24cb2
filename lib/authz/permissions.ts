// The permission matrix, as data. `can()` interprets it; the authorisation test walks every cell.
// A grant names who may act:
//   any-person           every signed-in person
//   engineer, product-manager, change-manager, admin   people with that role
//   member-of-team       people in the team that owns the thing (context.teamId)
//   lead-of-team         a team lead of the team that owns the thing (context.isTeamLead, looked up by the use case)
//   token                an API token (scope checks come on top, see `requireScope`)
//   operator             the command line on the server: it already holds the database
export type Grant =
  | "any-person"
  | "engineer"
  | "product-manager"
  | "change-manager"
  | "admin"
  | "member-of-team"
  | "lead-of-team"
  | "token"
  | "operator";

export const PERMISSIONS = {
  "catalog.read": ["any-person", "token", "operator"],
  "services.create": ["admin", "member-of-team", "operator"],
  "services.edit": ["admin", "member-of-team", "operator"],
  "services.archive": ["admin", "member-of-team", "operator"],
  "teams.manage": ["admin", "operator"],
  "people.manage": ["admin", "operator"],
  "tokens.manage": ["admin", "member-of-team", "operator"],
  "audit.read": ["change-manager", "admin", "operator"],
  "audit.verify": ["change-manager", "admin", "operator"],
  // Auditors' tools download the trail with an organisation-wide token (scope audit:read, checked on top).
  "audit.export": ["change-manager", "admin", "token", "operator"],
  // Runbooks: everyone signed in reads (tokens need the runbooks:read scope on top); the owning team writes.
  "runbooks.read": ["any-person", "token", "operator"],
  "runbooks.edit": ["admin", "member-of-team", "operator"],
  "runbook-templates.manage": ["admin", "operator"],
  "deployments.read": ["any-person", "token", "operator"],
  "deployments.report": ["token", "operator"],
  // On-call: everyone sees who is on call (tokens need the oncall:read scope on top).
  "oncall.read": ["any-person", "token", "operator"],
  "oncall.schedules.manage": ["admin", "member-of-team", "operator"],
  // Engineers arrange cover among themselves; the use case checks they are on the rota.
  "oncall.requests.create": ["any-person"],
  "oncall.overrides.assign": ["admin", "lead-of-team", "operator"],
  "oncall.leave.manage-others": ["admin", "lead-of-team", "operator"],
  "oncall.report.read": ["product-manager", "admin", "lead-of-team", "operator"],
  "oncall.pay.manage": ["admin", "operator"],
  // Change management: everyone sees changes; the owning team raises them; change managers decide.
  "changes.read": ["any-person", "token", "operator"],
  "changes.raise": ["admin", "member-of-team", "operator"],
  "changes.comment": ["any-person"],
  "changes.approve": ["change-manager", "operator"],
  "changes.review-emergency": ["change-manager", "operator"],
  "changes.gate": ["token", "operator"],
  "patterns.manage": ["change-manager", "product-manager", "operator"],
  "freezes.manage": ["change-manager", "operator"],
  "required-checks.manage": ["change-manager", "operator"],
  "cab.settings": ["change-manager", "admin", "operator"],
  // The evidence pack carries audit events: auditors' readers only (tokens need audit:read on top).
  "changes.evidence": ["change-manager", "admin", "token", "operator"],
  // Holiday calendars are shared by schedules of many teams: admins, and leads of any team (the use case
  // looks up whether the person leads a team), keep them.
  "oncall.holidays.manage": ["admin", "lead-of-team", "operator"],
} as const satisfies Record<string, readonly Grant[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
