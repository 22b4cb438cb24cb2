// The permission matrix in words, as docs/SECURITY.md shows it. The document's table is generated from
// here (`npm run -s docs:security`) and a test fails when it differs, so the document cannot drift.
import { PERMISSIONS, TOKEN_RULES, type Grant, type Permission, type TokenRule } from "./permissions";

/** What each permission lets someone do, in a change manager's words. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  "catalog.read": "read the catalogue (services, teams, people)",
  "services.create": "create a service",
  "services.edit": "edit a service",
  "services.archive": "archive or restore a service",
  "teams.manage": "create and edit teams and their members",
  "people.manage": "add, edit, deactivate people",
  "tokens.manage": "create, list or revoke a service's API tokens",
  "audit.read": "read the audit trail",
  "audit.verify": "verify the audit chain",
  "audit.export": "export the audit trail (`/api/v1/audit/export`)",
  "runbooks.read": "read runbooks, look one up for an alert",
  "runbooks.edit": "write, restore and mark runbooks reviewed",
  "runbook-templates.manage": "keep runbook templates",
  "jobs.manage": "see failed background jobs and run them again",
  "webhooks.manage": "add, remove, test and resend outgoing webhooks (a team's, or the organisation's)",
  "organisation.settings": "set the organisation's currency and error-budget policy",
  "deployments.read": "read deployments, environments and DORA metrics",
  "deployments.report": "report deployments",
  "deployments.health-check": "report post-deployment health checks",
  "oncall.read": "see who is on call, schedules and calendars",
  "oncall.schedules.manage": "create a schedule, edit it, change its rotation, archive it, renew its calendar link",
  "oncall.requests.create": "ask for cover or a swap, answer one, take the live shift, opt out",
  "oncall.overrides.assign": "assign cover directly",
  "oncall.leave.manage-others": "record someone else's leave",
  "oncall.report.read": "read the on-call load and pay report",
  "oncall.pay.manage": "set on-call pay rates",
  "changes.read": "read change requests",
  "changes.raise": "raise, submit or cancel a change request",
  "changes.comment": "comment on a change request",
  "changes.approve": "vote on a normal change (the CAB)",
  "changes.review-emergency": "record an emergency change's retrospective review",
  "changes.gate": "ask the deployment gate",
  "patterns.manage": "keep deployment patterns (standard changes)",
  "freezes.manage": "declare and remove change freezes",
  "required-checks.manage": "require post-deployment health checks",
  "cab.settings": "set the CAB's quorum, meeting and review deadline",
  "changes.evidence": "download a change's evidence pack",
  "oncall.holidays.manage": "keep holiday calendars",
  "incidents.read": "see incidents",
  "incidents.declare": "raise an incident",
  "incidents.declare-major": "declare a major incident (HIGH impact)",
  "incidents.respond": "acknowledge, update, reassign and resolve an incident",
  "reliability.budget-exception": "let a service whose error budget is spent deploy standard changes for a while (an exception to the policy)",
  "reviews.read": "read published post-incident reviews and the learning library",
  "reviews.schedule": "schedule a post-incident review",
  "reviews.contribute": "record and share your own analysis for a review",
  "reviews.edit": "write the joint review, invite participants, publish it",
  "backlog.read": "read a team's backlog and its balance",
  "backlog.edit": "add, edit, reorder, import and export a team's backlog items",
  "backlog.set-target": "set a team's target operational share",
  "hypotheses.read": "read outcome hypotheses",
  "hypotheses.manage": "write an outcome hypothesis, link its deployments, record its result",
  "signals.read": "see the anti-pattern signals",
};

const GRANT_WORDS: Record<Grant, string> = {
  "any-person": "every signed-in person",
  engineer: "engineers",
  "product-manager": "product managers",
  "change-manager": "change managers",
  admin: "admins",
  "member-of-team": "members of the owning team",
  "lead-of-team": "team leads",
  "product-manager-of-team": "product managers of the owning team",
  "incident-manager": "incident managers",
  responder: "people paged for or holding a role in the incident",
  "review-participant": "participants of the review",
  token: "API tokens",
  operator: "the CLI",
};

function tokenWords(rule: TokenRule): string {
  const scope = rule.scope ? `\`${rule.scope}\`` : "no scope";
  const reach = rule.services === "own" ? "its own service only" : "its own service; every service with `catalog:read`";
  return `${scope}; ${reach}`;
}

export function permissionTable(): string {
  const rules = TOKEN_RULES as Partial<Record<Permission, TokenRule>>;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((permission) => {
    const who = PERMISSIONS[permission].map((grant) => GRANT_WORDS[grant]).join(", ");
    const rule = rules[permission];
    return `| ${PERMISSION_LABELS[permission]} | \`${permission}\` | ${who} | ${rule ? tokenWords(rule) : "—"} |`;
  });
  return ["| what | permission | who | a token needs |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

export const TABLE_START = "<!-- permissions:start (generated from lib/authz/permissions.ts: npm run -s docs:security) -->";
export const TABLE_END = "<!-- permissions:end -->";

/** The document with its generated table replaced by the matrix's current one. */
export function withPermissionTable(document: string): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/SECURITY.md needs the markers ${TABLE_START} … ${TABLE_END}`);
  return `${document.slice(0, start + TABLE_START.length)}\n${permissionTable()}\n${document.slice(end)}`;
}
