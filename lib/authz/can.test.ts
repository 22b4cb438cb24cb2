// Walks every cell of the permission matrix for every kind of actor, against a table written by hand
// from what each permission means. Changing the matrix without changing this table fails the test.
import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums.ts";
import { ANOTHER_SERVICE, authorize, authorizeNamedService, can, tokenServiceLimit } from "./can";
import { TOKEN_SCOPES } from "../tokens/schemas";
import { ALL_PERMISSIONS, type Permission, type TokenPermission } from "./permissions";

const OWNING_TEAM = "team-owning";
const OTHER_TEAM = "team-other";

const person = (role: Role, teamIds: string[]): Actor => ({
  kind: "PERSON",
  id: `person-${role}`,
  name: role,
  email: `${role.toLowerCase()}@example.test`,
  role,
  isIncidentManager: false,
  teamIds,
});

// Columns of the table below. "+team": a member of the team that owns the thing acted on.
const ACTORS = {
  ENG: person("ENGINEER", [OTHER_TEAM]),
  "ENG+team": person("ENGINEER", [OWNING_TEAM]),
  PM: person("PRODUCT_MANAGER", []),
  "PM+team": person("PRODUCT_MANAGER", [OTHER_TEAM, OWNING_TEAM]),
  CM: person("CHANGE_MANAGER", []),
  "CM+team": person("CHANGE_MANAGER", [OWNING_TEAM]),
  ADMIN: person("ADMIN", []),
  "ADMIN+team": person("ADMIN", [OWNING_TEAM]),
  // Every scope: this table is about grants; the scopes and service binding are tested below.
  TOKEN: { kind: "TOKEN", id: "token-1", label: "token:pipeline", scopes: [...TOKEN_SCOPES], serviceId: "service-1" },
  CLI: { kind: "CLI", label: "cli:root" },
  SYSTEM: { kind: "SYSTEM", label: "scheduler" },
} satisfies Record<string, Actor>;

type ActorCase = keyof typeof ACTORS;
const COLUMNS = Object.keys(ACTORS) as ActorCase[];

const Y = true;
const _ = false;

// prettier-ignore
const EXPECTED: Record<Permission, boolean[]> = {
  //                    ENG  ENG+ PM   PM+  CM   CM+  ADM  ADM+ TOKEN CLI SYSTEM
  // Everyone signed in reads the catalogue; so do pipelines and bots, and the operator.
  "catalog.read":      [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  // "You build it, you run it": the owning team (any role in it) and admins shape services; tokens never do.
  "services.create":   [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  "services.edit":     [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  "services.archive":  [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  // Organisation structure is the admin's, whatever teams the admin is in.
  "teams.manage":      [_,   _,   _,   _,   _,   _,   Y,   Y,   _,    Y,  Y],
  "people.manage":     [_,   _,   _,   _,   _,   _,   Y,   Y,   _,    Y,  Y],
  "jobs.manage":       [_,   _,   _,   _,   _,   _,   Y,   Y,   _,    Y,  Y],
  // Outgoing webhooks: admins and the operator; team leads of the webhook's team (no lead in this table, see below).
  "webhooks.manage":   [_,   _,   _,   _,   _,   _,   Y,   Y,   _,    Y,  Y],
  // The organisation's currency: admins who run the portal.
  "organisation.settings": [_, _, _,    _,   _,   _,   Y,   Y,   _,    Y,  Y],
  // A service's API tokens are made by its owning team or admins; a token cannot mint tokens.
  "tokens.manage":     [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  // Change managers receive the audit trail instead of chasing people; team membership adds nothing.
  "audit.read":        [_,   _,   _,   _,   Y,   Y,   Y,   Y,   _,    Y,  Y],
  "audit.verify":      [_,   _,   _,   _,   Y,   Y,   Y,   Y,   _,    Y,  Y],
  // The export also serves auditors' tools: tokens pass here and need the audit:read scope on top.
  "audit.export":      [_,   _,   _,   _,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  // Runbooks are read by everyone at 3 a.m. (alerting tools too); written by the team that runs the service.
  "runbooks.read":     [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  "runbooks.edit":     [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  // Templates shape every team's runbooks: admins only.
  "runbook-templates.manage": [_, _, _,  _,   _,   _,   Y,   Y,   _,    Y,  Y],
  // Deployment history is open to everyone signed in, and to pipelines (scoped to their service by requireScope).
  "deployments.read":  [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  // Deployments and health checks are reported by pipelines, never typed by hand (the operator seeds history).
  "deployments.report":[_,   _,   _,   _,   _,   _,   _,   _,   Y,    Y,  Y],
  "deployments.health-check":[_, _, _,  _,   _,   _,   _,   _,   Y,    Y,  Y],
  // Everyone sees who is on call; a token also needs the oncall:read scope (checked by the route).
  "oncall.read":       [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  // A team shapes its own schedule; admins any.
  "oncall.schedules.manage": [_, Y, _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  // Any person may ask for cover; the use case checks they are on the rota. Tokens and the CLI do not swap.
  "oncall.requests.create": [Y, Y,  Y,   Y,   Y,   Y,   Y,   Y,   _,    _,  _],
  // Direct assignment and others' leave: admins and team leads (no lead in this table, see below).
  "oncall.overrides.assign": [_, _, _,   _,   _,   _,   Y,   Y,   _,    Y,  Y],
  "oncall.leave.manage-others": [_, _, _, _,  _,   _,   Y,   Y,   _,    Y,  Y],
  // Pay data: product managers (who fund the rota), admins and team leads.
  "oncall.report.read": [_,  _,   Y,   Y,   _,   _,   Y,   Y,   _,    Y,  Y],
  "oncall.pay.manage": [_,   _,   _,   _,   _,   _,   Y,   Y,   _,    Y,  Y],
  // Changes are open to read; pipelines read them too (scoped by requireScope).
  "changes.read":      [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  // Engineers of the owning team (any role in it) raise changes for its services; admins for any.
  "changes.raise":     [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  // Anyone signed in may comment on a change; machines do not.
  "changes.comment":   [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   _,    _,  _],
  // The CAB is change managers (self-approval is refused by the use case, not the matrix).
  "changes.approve":   [_,   _,   _,   _,   Y,   Y,   _,   _,   _,    Y,  Y],
  "changes.review-emergency": [_, _, _, _,   Y,   Y,   _,   _,   _,    Y,  Y],
  // The deployment gate is asked by pipelines (token with gate:read), never by a person's session.
  "changes.gate":      [_,   _,   _,   _,   _,   _,   _,   _,   Y,    Y,  Y],
  // Standard change templates: change managers with product managers.
  "patterns.manage":   [_,   _,   Y,   Y,   Y,   Y,   _,   _,   _,    Y,  Y],
  // Freezes and required health checks are the change manager's tools.
  "freezes.manage":    [_,   _,   _,   _,   Y,   Y,   _,   _,   _,    Y,  Y],
  "required-checks.manage": [_, _, _,  _,   Y,   Y,   _,   _,   _,    Y,  Y],
  // CAB quorum, meeting time and emergency review deadline: change managers, or admins who run the portal.
  "cab.settings":      [_,   _,   _,   _,   Y,   Y,   Y,   Y,   _,    Y,  Y],
  // Evidence packs include audit events: change managers and admins, and tokens with audit:read.
  "changes.evidence":  [_,   _,   _,   _,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  // Holiday calendars are shared: admins, and team leads (any team, checked by the use case).
  "oncall.holidays.manage": [_, _,  _,   _,   _,   _,   Y,   Y,   _,    Y,  Y],
  // Incidents are open to read; alerting tools read their service's with incidents:read.
  "incidents.read":    [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  // People notice outages: anyone signed in raises one; alerting tools with the service's token.
  "incidents.declare": [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  // A major incident is the incident manager's call (nobody in this table has the flag, see below).
  "incidents.declare-major": [_, _, _,  _,   _,   _,   _,   _,   _,    Y,  Y],
  // The responding team runs its incident, with admins; responders and incident managers: see below.
  "incidents.respond": [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   Y,    Y,  Y],
  // An exception to the error-budget policy: the owning team's product manager only (not other teams' PMs, not admins).
  "reliability.budget-exception": [_, _, _, Y,  _,   _,   _,   _,   _,    Y,  Y],
  // Published reviews are for the whole organisation; tokens do not read them.
  "reviews.read":      [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   _,    Y,  Y],
  // Any product manager (minor incidents on request), the owning team, admins; incident managers below.
  "reviews.schedule":  [_,   Y,   Y,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  // Your own analysis needs you to be a participant (see below), whatever your role.
  "reviews.contribute": [_,  _,   _,   _,   _,   _,   _,   _,   _,    Y,  Y],
  "reviews.edit":      [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  "backlog.read":      [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,    Y,  Y],
  "backlog.edit":      [_,   Y,   _,   Y,   _,   Y,   Y,   Y,   _,    Y,  Y],
  // The balance is the owning team's product manager's call, not an admin's.
  "backlog.set-target": [_,  _,   _,   Y,   _,   _,   _,   _,   _,    Y,  Y],
  "hypotheses.read":   [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   _,    Y,  Y],
  "hypotheses.manage": [_,   _,   _,   Y,   _,   _,   _,   _,   _,    Y,  Y],
  "signals.read":      [_,   _,   Y,   Y,   Y,   Y,   Y,   Y,   _,    Y,  Y],
};

const cells = ALL_PERMISSIONS.flatMap((permission) =>
  COLUMNS.map((column, index) => ({ permission, column, expected: EXPECTED[permission]?.[index] })),
);

describe("the permission matrix", () => {
  it("has a hand-written expectation for every permission and every actor", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ALL_PERMISSIONS].sort());
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(COLUMNS.length);
  });

  it.each(cells)("$permission for $column: $expected", ({ permission, column, expected }) => {
    const actor = ACTORS[column];
    expect(can(actor, permission, { teamId: OWNING_TEAM })).toBe(expected);
    if (expected) {
      expect(() => authorize(actor, permission, { teamId: OWNING_TEAM })).not.toThrow();
    } else {
      expect(() => authorize(actor, permission, { teamId: OWNING_TEAM })).toThrow(
        expect.objectContaining({ name: "AppError", code: "FORBIDDEN", status: 403 }),
      );
    }
  });
});

describe("team leads", () => {
  it.each(["oncall.overrides.assign", "oncall.leave.manage-others", "oncall.report.read", "oncall.holidays.manage", "webhooks.manage"] as const)("a lead of the owning team may %s", (permission) => {
    expect(can(ACTORS["ENG+team"], permission, { teamId: OWNING_TEAM, isTeamLead: true })).toBe(true);
    expect(can(ACTORS["ENG+team"], permission, { teamId: OWNING_TEAM, isTeamLead: false })).toBe(false);
  });

  it("being a lead grants nothing to a token", () => {
    expect(can(ACTORS.TOKEN, "oncall.overrides.assign", { isTeamLead: true })).toBe(false);
  });
});

describe("incident managers and responders", () => {
  const manager: Actor = { ...ACTORS.ENG, isIncidentManager: true } as Actor;
  it("an incident manager declares major incidents and responds to any incident", () => {
    expect(can(manager, "incidents.declare-major")).toBe(true);
    expect(can(manager, "incidents.respond", { teamId: OWNING_TEAM })).toBe(true);
    expect(can(ACTORS.ADMIN, "incidents.declare-major")).toBe(false);
  });

  it("someone paged from another team's rota responds to that incident only", () => {
    expect(can(ACTORS.ENG, "incidents.respond", { teamId: OWNING_TEAM, isResponder: true })).toBe(true);
    expect(can(ACTORS.ENG, "incidents.respond", { teamId: OWNING_TEAM, isResponder: false })).toBe(false);
  });

  it("a review's participant records their own analysis and edits the joint review, whatever their team", () => {
    expect(can(ACTORS.ENG, "reviews.contribute", { teamId: OWNING_TEAM, isReviewParticipant: true })).toBe(true);
    expect(can(ACTORS.ENG, "reviews.edit", { teamId: OWNING_TEAM, isReviewParticipant: true })).toBe(true);
    expect(can(ACTORS["ENG+team"], "reviews.contribute", { teamId: OWNING_TEAM, isReviewParticipant: false })).toBe(false);
    expect(can(manager, "reviews.schedule", { teamId: OWNING_TEAM })).toBe(true);
  });

  it("being a responder grants nothing to a token beyond its own service", () => {
    expect(can(ACTORS.TOKEN, "incidents.respond", { serviceId: "service-2", isResponder: true })).toBe(false);
  });
});

describe("team membership", () => {
  it("grants nothing without a team in the context", () => {
    for (const permission of ALL_PERMISSIONS) {
      expect(can(ACTORS["ENG+team"], permission)).toBe(can(ACTORS.ENG, permission, { teamId: OWNING_TEAM }));
    }
  });

  it("grants nothing on another team's services", () => {
    expect(can(ACTORS["ENG+team"], "services.edit", { teamId: "team-unrelated" })).toBe(false);
    expect(can(ACTORS.ENG, "services.edit", { teamId: OTHER_TEAM })).toBe(true);
  });

  it("throws the one typed error when refused", () => {
    let thrown: unknown;
    try {
      authorize(ACTORS.PM, "audit.verify");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe("FORBIDDEN");
  });
});

// What a token of service-1 needs for each permission it may hold: the scope, and whether it may reach
// another service when it also carries catalog:read. Written by hand from docs/SECURITY.md.
const TOKEN_EXPECTED: Record<TokenPermission, { scope: string | null; othersWithCatalogRead: boolean }> = {
  "catalog.read": { scope: null, othersWithCatalogRead: true },
  "runbooks.read": { scope: "runbooks:read", othersWithCatalogRead: true },
  "deployments.read": { scope: "deployments:write", othersWithCatalogRead: true },
  "deployments.report": { scope: "deployments:write", othersWithCatalogRead: false },
  "deployments.health-check": { scope: "health:write", othersWithCatalogRead: false },
  "oncall.read": { scope: "oncall:read", othersWithCatalogRead: true },
  "changes.read": { scope: "gate:read", othersWithCatalogRead: true },
  "changes.gate": { scope: "gate:read", othersWithCatalogRead: false },
  "audit.export": { scope: "audit:read", othersWithCatalogRead: false },
  "changes.evidence": { scope: "audit:read", othersWithCatalogRead: false },
  "incidents.read": { scope: "incidents:read", othersWithCatalogRead: true },
  "incidents.declare": { scope: "incidents:write", othersWithCatalogRead: false },
  "incidents.respond": { scope: "incidents:write", othersWithCatalogRead: false },
  "backlog.read": { scope: "backlog:read", othersWithCatalogRead: true },
};

const token = (scopes: string[], serviceId: string | null = "service-1"): Actor => ({ kind: "TOKEN", id: "t", label: "token:t", scopes, serviceId });

describe.each(Object.entries(TOKEN_EXPECTED) as [TokenPermission, (typeof TOKEN_EXPECTED)[TokenPermission]][])("a token and %s", (permission, { scope, othersWithCatalogRead }) => {
  const scoped = scope ? [scope] : [];

  it("needs its scope", () => {
    expect(can(token(scoped), permission, { serviceId: "service-1" })).toBe(true);
    if (scope) {
      expect(() => authorize(token(TOKEN_SCOPES.filter((other) => other !== scope)), permission, { serviceId: "service-1" })).toThrow(
        expect.objectContaining({ code: "FORBIDDEN", message: `This token lacks the "${scope}" scope.` }),
      );
    }
  });

  it("acts for its own service only, unless catalog:read opens organisation-wide reads", () => {
    expect(() => authorize(token(scoped), permission, { serviceId: "service-2" })).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: ANOTHER_SERVICE }));
    expect(can(token(scoped), permission, { serviceId: null })).toBe(false);
    expect(can(token([...scoped, "catalog:read"]), permission, { serviceId: "service-2" })).toBe(othersWithCatalogRead);
    expect(tokenServiceLimit(token([...scoped, "catalog:read"]), permission)).toBe(othersWithCatalogRead ? null : "service-1");
  });

  it("acts for every service when made for the organisation", () => {
    expect(can(token(scoped, null), permission, { serviceId: "service-2" })).toBe(true);
    expect(can(token(scoped, null), permission, { serviceId: null })).toBe(true);
  });
});

describe("authorizeNamedService", () => {
  const missing = () => new AppError("NOT_FOUND", "The service was not found.");

  it("answers a confined token the same for an unknown slug as for another service's", () => {
    const confined = token(["oncall:read"]);
    const unknown = () => authorizeNamedService(confined, "oncall.read", null, missing);
    const foreign = () => authorizeNamedService(confined, "oncall.read", { id: "service-2" }, missing);
    expect(unknown).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: ANOTHER_SERVICE }));
    expect(foreign).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: ANOTHER_SERVICE }));
    expect(() => authorizeNamedService(confined, "oncall.read", { id: "service-1" }, missing)).not.toThrow();
  });

  it("tells people and organisation-wide readers that the service is missing", () => {
    expect(() => authorizeNamedService(ACTORS.ENG, "oncall.read", null, missing)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeNamedService(token(["oncall:read", "catalog:read"]), "oncall.read", null, missing)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("checks the scope before it says anything about the slug", () => {
    expect(() => authorizeNamedService(token([]), "oncall.read", null, missing)).toThrow(expect.objectContaining({ message: 'This token lacks the "oncall:read" scope.' }));
  });
});
