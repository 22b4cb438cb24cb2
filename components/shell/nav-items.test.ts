import { describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/actor";
import { can } from "@/lib/authz/can";
import { isCurrent, navGroupsFor, notificationsLabel } from "./nav-items";

const person = (role: PersonActor["role"]): PersonActor => ({
  kind: "PERSON", id: "p1", name: "Test Person", email: "test@example.test", role, isIncidentManager: false, teamIds: [],
});

const labels = (role: PersonActor["role"]) => navGroupsFor(person(role)).flatMap((group) => group.items.map((item) => item.label));

describe("navGroupsFor", () => {
  it("gives every role the same order, grouped by journey", () => {
    expect(navGroupsFor(person("CHANGE_MANAGER")).map((group) => [group.label, group.items.map((item) => item.label)])).toEqual([
      ["Start", ["Home"]],
      ["Build and run", ["Services", "Runbooks", "On-call", "Incidents", "Reviews"]],
      ["Change", ["Deployments", "Changes"]],
      ["Organisation", ["Teams", "People", "Audit"]],
    ]);
    const roles = ["ENGINEER", "PRODUCT_MANAGER", "CHANGE_MANAGER", "ADMIN"] as const;
    const everyone = roles.map((role) => labels(role).filter((label) => label !== "Audit" && label !== "Settings"));
    for (const list of everyone) expect(list).toEqual(everyone[0]);
    // Where an entry is shown, it is in the same place for every role that has it.
    expect(labels("ADMIN").slice(-3)).toEqual(["People", "Audit", "Settings"]);
  });

  it("shows the audit trail only to those who may read it", () => {
    for (const role of ["ENGINEER", "PRODUCT_MANAGER", "CHANGE_MANAGER", "ADMIN"] as const) {
      expect(labels(role).includes("Audit")).toBe(can(person(role), "audit.read"));
    }
    expect(labels("CHANGE_MANAGER")).toContain("Audit");
  });

  it("shows the organisation's settings only to those who may change them", () => {
    for (const role of ["ENGINEER", "PRODUCT_MANAGER", "CHANGE_MANAGER", "ADMIN"] as const) {
      expect(labels(role).includes("Settings")).toBe(can(person(role), "organisation.settings"));
    }
    expect(labels("ADMIN")).toContain("Settings");
    expect(labels("CHANGE_MANAGER")).not.toContain("Settings");
  });
});

describe("notificationsLabel", () => {
  it.each([[0, "Notifications"], [1, "Notifications, 1 unread"], [100, "Notifications, more than 99 unread"]] as const)("%i → %s", (unread, label) => {
    expect(notificationsLabel(unread)).toBe(label);
  });
});

describe("isCurrent", () => {
  it.each([
    ["/", "/", true],
    ["/", "/teams", false],
    ["/teams", "/teams", true],
    ["/teams", "/teams/checkout", true],
    ["/teams", "/teamsters", false],
    ["/people", "/teams", false],
    ["/runbooks", "/runbooks/checkout-api/card-declines", true],
  ])("%s on %s → %s", (href, pathname, expected) => {
    expect(isCurrent(href, pathname)).toBe(expected);
  });
});
