// Walks every cell of the permission matrix for every kind of actor, against a table written by hand
// from what each permission means. Changing the matrix without changing this table fails the test.
import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums.ts";
import { authorize, can } from "./can";
import { ALL_PERMISSIONS, type Permission } from "./permissions";

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
  TOKEN: { kind: "TOKEN", id: "token-1", label: "token:pipeline", scopes: ["deployments:write"], serviceId: "service-1" },
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
  it.each(["oncall.overrides.assign", "oncall.leave.manage-others", "oncall.report.read", "oncall.holidays.manage"] as const)("a lead of the owning team may %s", (permission) => {
    expect(can(ACTORS["ENG+team"], permission, { teamId: OWNING_TEAM, isTeamLead: true })).toBe(true);
    expect(can(ACTORS["ENG+team"], permission, { teamId: OWNING_TEAM, isTeamLead: false })).toBe(false);
  });

  it("being a lead grants nothing to a token", () => {
    expect(can(ACTORS.TOKEN, "oncall.overrides.assign", { isTeamLead: true })).toBe(false);
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
