// The permission matrix, as data. `can()` interprets it; the authorisation test walks every cell.
// A grant names who may act:
//   any-person           every signed-in person
//   engineer, product-manager, change-manager, admin   people with that role
//   member-of-team       people in the team that owns the thing (context.teamId)
//   lead-of-team         a team lead of the team that owns the thing (context.isTeamLead, looked up by the use case)
//   product-manager-of-team  a product manager in the team that owns the thing (context.teamId)
//   incident-manager     people with the incident-manager flag, whatever their role
//   responder            people paged for or holding a role in the incident (context.isResponder, looked up by the use case)
//   review-participant   people taking part in the post-incident review (context.isReviewParticipant, looked up by the use case)
//   token                an API token, with the scope and service binding of TOKEN_RULES below
//   operator             the command line on the server: it already holds the database
import type { TokenScope } from "../tokens/schemas";

export type Grant =
  | "any-person"
  | "engineer"
  | "product-manager"
  | "change-manager"
  | "admin"
  | "member-of-team"
  | "lead-of-team"
  | "product-manager-of-team"
  | "incident-manager"
  | "responder"
  | "review-participant"
  | "token"
  | "operator";

export const PERMISSIONS = {
  "catalog.read": ["any-person", "token", "operator"],
  "services.create": ["admin", "member-of-team", "operator"],
  "services.edit": ["admin", "member-of-team", "operator"],
  "services.archive": ["admin", "member-of-team", "operator"],
  "teams.manage": ["admin", "operator"],
  "people.manage": ["admin", "operator"],
  "jobs.manage": ["admin", "operator"],
  // Outgoing webhooks: the organisation's are the admin's; a team's, its leads' too (the use case
  // looks up whether the person leads the webhook's team).
  "webhooks.manage": ["admin", "lead-of-team", "operator"],
  // Organisation-wide settings (the currency of every money figure).
  "organisation.settings": ["admin", "operator"],
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
  "deployments.health-check": ["token", "operator"],
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
  // Incidents: everyone sees them; anyone signed in may raise a minor one (people notice outages),
  // alerting tools raise them with the service's token; only incident managers declare a major one.
  "incidents.read": ["any-person", "token", "operator"],
  "incidents.declare": ["any-person", "token", "operator"],
  "incidents.declare-major": ["incident-manager", "operator"],
  // The responding team, whoever was paged or holds a role, incident managers and admins run it.
  "incidents.respond": ["member-of-team", "responder", "incident-manager", "admin", "token", "operator"],
  // The error-budget policy's exception is the owning team's product manager's call: they balance
  // reliability against features for the service.
  "reliability.budget-exception": ["product-manager-of-team", "operator"],
  // Post-incident reviews are published to the whole organisation; a participant's own analysis stays
  // theirs until they share it (the use case hides it, whatever the permission).
  "reviews.read": ["any-person", "operator"],
  // Every major incident gets one automatically; anyone who runs or owns the service may ask for one.
  "reviews.schedule": ["member-of-team", "product-manager", "incident-manager", "admin", "operator"],
  // Participants write their own analysis; the team, the participants and incident managers write the
  // joint review, invite people and publish it.
  "reviews.contribute": ["review-participant", "operator"],
  "reviews.edit": ["member-of-team", "review-participant", "incident-manager", "admin", "operator"],
  // One backlog per team: everyone reads it (a token with backlog:read too); the team keeps it.
  "backlog.read": ["any-person", "token", "operator"],
  "backlog.edit": ["member-of-team", "admin", "operator"],
  // The target operational share is the product manager's balance to strike.
  "backlog.set-target": ["product-manager-of-team", "operator"],
  // Outcome hypotheses are the owning team's product manager's; everyone reads them.
  "hypotheses.read": ["any-person", "operator"],
  "hypotheses.manage": ["product-manager-of-team", "operator"],
  // The anti-pattern signals page: the people who act on what it shows.
  "signals.read": ["product-manager", "change-manager", "admin", "operator"],
} as const satisfies Record<string, readonly Grant[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/** Permissions that name the "token" grant: each needs a TOKEN_RULES entry (the type checker insists). */
export type TokenPermission = { [P in Permission]: "token" extends (typeof PERMISSIONS)[P][number] ? P : never }[Permission];

export type TokenRule = {
  /** The scope the token must carry; null when any token may (the catalogue). */
  scope: TokenScope | null;
  /**
   * Which services a token bound to one service may act on. "own": its own only. "own, or all with
   * catalog:read": organisation-wide reads need the explicit catalog:read scope. A token bound to no
   * service (made by an admin for the organisation) acts on every service.
   */
  services: "own" | "own, or all with catalog:read";
};

/**
 * What a token needs on top of the "token" grant. A service's token reads and writes its own service;
 * organisation-wide reads need `catalog:read`. Writes, and the audit trail, never reach another service.
 */
export const TOKEN_RULES = {
  "catalog.read": { scope: null, services: "own, or all with catalog:read" },
  "runbooks.read": { scope: "runbooks:read", services: "own, or all with catalog:read" },
  // A pipeline reads its own deployment history with the scope it writes it with.
  "deployments.read": { scope: "deployments:write", services: "own, or all with catalog:read" },
  "deployments.report": { scope: "deployments:write", services: "own" },
  "deployments.health-check": { scope: "health:write", services: "own" },
  "oncall.read": { scope: "oncall:read", services: "own, or all with catalog:read" },
  "changes.read": { scope: "gate:read", services: "own, or all with catalog:read" },
  // The gate records its decision: a write, for the pipeline's own service.
  "changes.gate": { scope: "gate:read", services: "own" },
  "audit.export": { scope: "audit:read", services: "own" },
  "changes.evidence": { scope: "audit:read", services: "own" },
  "incidents.read": { scope: "incidents:read", services: "own, or all with catalog:read" },
  "incidents.declare": { scope: "incidents:write", services: "own" },
  "incidents.respond": { scope: "incidents:write", services: "own" },
  // A team's backlog spans its services: a service's token reads its own team's (the use case passes the
  // service it asks through), an organisation token or catalog:read every team's.
  "backlog.read": { scope: "backlog:read", services: "own, or all with catalog:read" },
} as const satisfies Record<TokenPermission, TokenRule>;
