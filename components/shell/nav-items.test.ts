import { describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/actor";
import { isCurrent, navItemsFor } from "./nav-items";

const person = (role: PersonActor["role"]): PersonActor => ({
  kind: "PERSON", id: "p1", name: "Test Person", email: "test@example.test", role, isIncidentManager: false, teamIds: [],
});

describe("navItemsFor", () => {
  it.each([
    ["ENGINEER", ["Home", "Services", "On-call", "Runbooks", "Deployments", "Changes", "Teams", "People"]],
    ["PRODUCT_MANAGER", ["Home", "Services", "Deployments", "Changes", "On-call", "Runbooks", "Teams", "People"]],
    ["CHANGE_MANAGER", ["Home", "Changes", "Notifications", "Deployments", "Audit trail", "Services", "On-call", "Runbooks", "Teams", "People"]],
    ["ADMIN", ["Home", "People", "Teams", "Services", "On-call", "Runbooks", "Deployments", "Changes", "Audit trail"]],
  ] as const)("%s sees %j", (role, labels) => {
    expect(navItemsFor(person(role)).map((item) => item.label)).toEqual(labels);
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
