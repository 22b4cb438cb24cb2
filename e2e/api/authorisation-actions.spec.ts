// Server actions are public endpoints, so each one must refuse who the matrix refuses, on the server.
// Every action of the build, posted without a session, is refused before it reads anything; every action
// whose permission is decided by role alone is posted by each demo role and allowed or refused exactly
// as the matrix says (an empty form: the allowed hear about the form, the refused about permission).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { Actor } from "../../lib/auth/actor";
import { can } from "../../lib/authz/can";
import { PERMISSIONS, type Permission } from "../../lib/authz/permissions";
import { expect, ROLES, test, type Role } from "../fixtures";

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string };
const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
const actions = Object.entries(manifest.node).map(([id, entry]) => ({ id, name: entry.exportedName ?? id, page: pageFor(entry) }));

function pageFor(entry: ManifestEntry): string {
  const worker = Object.keys(entry.workers)[0]!;
  const parts = worker.replace(/^app\//, "").replace(/\/page$/, "").split("/").filter((part) => !/^\(.*\)$/.test(part));
  return "/" + parts.map((part) => (/^\[.+\]$/.test(part) ? "x" : part)).join("/");
}

/** Role-decided actions, with bound arguments that name nothing real (so an allowed call changes nothing). */
const ROLE_ONLY: Record<string, { permission: Permission; args: unknown[] }> = {
  createTeamAction: { permission: "teams.manage", args: [] },
  updateTeamAction: { permission: "teams.manage", args: ["no-such-team"] },
  setMembershipAction: { permission: "teams.manage", args: ["no-such-team"] },
  removeMemberAction: { permission: "teams.manage", args: ["no-such-team", "no-such-person"] },
  addPersonAction: { permission: "people.manage", args: [] },
  updatePersonAction: { permission: "people.manage", args: ["no-such-person"] },
  setPersonActiveAction: { permission: "people.manage", args: ["no-such-person", false] },
  saveTemplateAction: { permission: "runbook-templates.manage", args: [null] },
  deleteTemplateAction: { permission: "runbook-templates.manage", args: ["no-such-template"] },
  setPayPolicyAction: { permission: "oncall.pay.manage", args: [] },
  decideChangeAction: { permission: "changes.approve", args: ["no-such-change"] },
  reviewAction: { permission: "changes.review-emergency", args: ["no-such-change"] },
  saveFreezeAction: { permission: "freezes.manage", args: [] },
  deleteFreezeAction: { permission: "freezes.manage", args: ["no-such-freeze"] },
  setRequiredCheckAction: { permission: "required-checks.manage", args: [] },
  removeRequiredCheckAction: { permission: "required-checks.manage", args: ["no-such-check"] },
  cabSettingsAction: { permission: "cab.settings", args: [] },
  savePatternAction: { permission: "patterns.manage", args: [null] },
  archivePatternAction: { permission: "patterns.manage", args: ["no-such-pattern"] },
  retryJobAction: { permission: "jobs.manage", args: ["events.drain", "no-such-job"] },
  // Webhooks: the organisation's (team null), or records that do not exist, which are answered as the
  // organisation's would be (lib/webhooks/webhook-access.ts).
  createWebhookAction: { permission: "webhooks.manage", args: [null] },
  removeWebhookAction: { permission: "webhooks.manage", args: ["no-such-webhook"] },
  setWebhookEnabledAction: { permission: "webhooks.manage", args: ["no-such-webhook", false] },
  sendTestEventAction: { permission: "webhooks.manage", args: ["no-such-webhook"] },
  resendDeliveryAction: { permission: "webhooks.manage", args: ["no-such-delivery"] },
  organisationSettingsAction: { permission: "organisation.settings", args: [] },
  declareIncidentAction: { permission: "incidents.declare", args: [] },
  budgetPolicyAction: { permission: "organisation.settings", args: [] },
};

/**
 * Actions whose permission also has a team grant, posted here for the organisation (no team): there
 * only the role decides. Team leads on their own team's webhooks are tested in lib/webhooks/.
 */
const ORGANISATION_SCOPED = new Set(["createWebhookAction", "removeWebhookAction", "setWebhookEnabledAction", "sendTestEventAction", "resendDeliveryAction"]);

const FORBIDDEN = "You do not have permission to do that.";
const SIGNED_OUT = "Your session has ended. Sign in again.";
const ROLE_OF = { engineer: "ENGINEER", "product-manager": "PRODUCT_MANAGER", "change-manager": "CHANGE_MANAGER", admin: "ADMIN" } as const;
const person = (role: Role): Actor => ({ kind: "PERSON", id: role, name: role, email: role, role: ROLE_OF[role], isIncidentManager: false, teamIds: [] });

async function post(api: APIRequestContext, action: { id: string; page: string }, args: unknown[]): Promise<string> {
  const form = new FormData();
  form.append("0", JSON.stringify([...args, {}, "$K1"]));
  const response = await api.post(action.page, { headers: { "Next-Action": action.id, accept: "text/x-component" }, multipart: form, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(500);
  return response.text();
}

test("every server action refuses a caller without a session before it does anything", async ({ apiAs }) => {
  test.setTimeout(120_000);
  const anonymous = await apiAs(null);
  for (const action of actions) {
    const body = await post(anonymous, action, ROLE_ONLY[action.name]?.args ?? ["no-such-record"]);
    expect(body, action.name).toContain(SIGNED_OUT);
  }
});

test("role-decided server actions allow and refuse each role exactly as the matrix says", async ({ apiAs }) => {
  test.setTimeout(120_000);
  const named = new Set(actions.map((action) => action.name));
  for (const [name, { permission }] of Object.entries(ROLE_ONLY)) {
    expect(named.has(name), `${name} is an action of the build`).toBe(true);
    // Role alone decides: no team grant in the matrix for this permission, or none that applies here.
    if (!ORGANISATION_SCOPED.has(name)) expect(PERMISSIONS[permission].some((grant) => grant === "member-of-team" || grant === "lead-of-team"), name).toBe(false);
  }
  const failures: string[] = [];
  for (const role of ROLES) {
    const api = await apiAs(role);
    for (const [name, { permission, args }] of Object.entries(ROLE_ONLY)) {
      const body = await post(api, actions.find((action) => action.name === name)!, args);
      const allowed = can(person(role), permission);
      if (body.includes(FORBIDDEN) === allowed) failures.push(`${name} as ${role}: the matrix says ${allowed ? "allowed" : "refused"}`);
    }
  }
  expect(failures).toEqual([]);
});
