// Managing webhooks: who may (admins for the organisation, a team's leads for the team), hostile input
// refused field by field with nothing written, the secret returned once and never stored in the clear,
// audited or listed, and turning off / removing.
process.env.RUNWELL_SECRETS_KEY ??= "webhook-tests-secrets-key-0123456789";
import { describe, expect, it } from "vitest";
import { createPerson, createTeam } from "../../prisma/seed/factories";
import { actorFor, adminActor, personActor, testDb, tokenActor } from "../../test/helpers";
import { cliActor } from "../auth/actor";
import { removeWebhook, setWebhookEnabled } from "./change-webhook";
import { createWebhook } from "./create-webhook";
import { listAllWebhooks, listWebhooksOfScope } from "./queries";
import { displayUrl } from "./schemas";
import { openSecret } from "./secret-box";

const db = testDb;
const url = "https://receiver.example.com/hooks/runwell?token=abc";

async function teamWithLead() {
  const team = await createTeam(db());
  const lead = await createPerson(db(), { role: "ENGINEER", teams: [{ teamId: team.id, isLead: true }] });
  const member = await createPerson(db(), { role: "ENGINEER", teams: [{ teamId: team.id }] });
  return { team, lead: actorFor(lead), member: actorFor(member) };
}

describe("adding a webhook", () => {
  it("returns a whsec_ secret once, stores it encrypted, and audits the webhook without it", async () => {
    const { id, secret } = await createWebhook(db(), cliActor(), { team: null, url, events: ["deployment.failed", "change.submitted", "deployment.failed"] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await db().webhook.findUniqueOrThrow({ where: { id } });
    expect(stored.secret).not.toContain(secret.slice(6));
    expect(openSecret(stored.secret)).toBe(secret);
    expect(stored.events).toEqual(["change.submitted", "deployment.failed"]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "webhook.create", entityId: id } });
    const text = JSON.stringify({ before: audit.before, after: audit.after, entityId: audit.entityId });
    expect(text).not.toContain(secret.slice(6, 20));
    expect(text).not.toContain("token=abc");
    expect(audit.after).toMatchObject({ label: "Webhook of the organisation to https://receiver.example.com/hooks/…", format: "Standard Webhooks" });
    const listed = (await listAllWebhooks(db(), cliActor())).find((webhook) => webhook.id === id)!;
    expect(listed.url).toBe("https://receiver.example.com/hooks/…");
    expect(JSON.stringify(listed)).not.toContain("whsec_");
  });

  it("lets a team's lead manage the team's webhooks, and no one else but admins", async () => {
    const { team, lead, member } = await teamWithLead();
    const { id } = await createWebhook(db(), lead, { team: team.slug, url, events: ["deployment.failed"], format: "SLACK" });
    expect((await listWebhooksOfScope(db(), lead, team.id)).map((webhook) => webhook.id)).toEqual([id]);
    await expect(createWebhook(db(), member, { team: team.slug, url, events: ["deployment.failed"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createWebhook(db(), lead, { team: null, url, events: ["deployment.failed"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listWebhooksOfScope(db(), member, team.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createWebhook(db(), personActor({ role: "CHANGE_MANAGER" }), { team: null, url, events: ["deployment.failed"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createWebhook(db(), tokenActor(), { team: null, url, events: ["deployment.failed"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Another team's lead cannot touch it.
    const other = await teamWithLead();
    await expect(createWebhook(db(), other.lead, { team: team.slug, url, events: ["deployment.failed"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeWebhook(db(), other.lead, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeWebhook(db(), lead, id);
    expect(await listWebhooksOfScope(db(), lead, team.id)).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "webhook.remove", entityId: id } })).toBe(1);
  });

  it.each([
    { field: "url", input: { url: "not a url" } },
    { field: "url", input: { url: "ftp://files.example.com/in" } },
    { field: "url", input: { url: "javascript:alert(1)" } },
    { field: "url", input: { url: "file:///etc/passwd" } },
    { field: "url", input: { url: "https://user:pw@example.com/x" } },
    { field: "url", input: { url: `https://example.com/${"a".repeat(10 * 1024 * 1024)}` } },
    { field: "url", input: { url: "https://example.com/\u0000" } },
    { field: "events.0", input: { events: ["deployment.exploded"] } },
    { field: "events.0", input: { events: ["webhook.test"] } },
    { field: "events", input: { events: [] } },
    { field: "events", input: { events: "deployment.failed" } },
    { field: "format", input: { format: "xml" } },
    { field: "description", input: { description: "d".repeat(10 * 1024 * 1024) } },
    { field: "team", input: { team: "no-such-team" } },
  ])("refuses a bad $field field and writes nothing", async ({ field, input }) => {
    const before = await db().webhook.count();
    const error = await createWebhook(db(), adminActor(), { team: null, url, events: ["deployment.failed"], ...input }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toContain(field);
    expect(await db().webhook.count()).toBe(before);
  });

  it("turns a webhook off and on, audited, and gives up what was pending", async () => {
    const { id } = await createWebhook(db(), adminActor(), { team: null, url, events: ["deployment.failed"] });
    const pending = await db().webhookDelivery.create({ data: { webhookId: id, eventId: "e-pending", eventType: "deployment.failed", body: "{}" } });
    await setWebhookEnabled(db(), adminActor(), { id, enabled: false });
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "FAILED", lastError: "The webhook was turned off." });
    await setWebhookEnabled(db(), adminActor(), { id, enabled: true });
    expect((await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { occurredAt: "asc" } })).map((event) => event.action)).toEqual(["webhook.create", "webhook.disable", "webhook.enable"]);
    await expect(setWebhookEnabled(db(), adminActor(), { id, enabled: "yes" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(removeWebhook(db(), adminActor(), "no-such-webhook")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("displayUrl", () => {
  it.each([
    ["https://hooks.slack.com/services/T000/B000/XXXX", "https://hooks.slack.com/services/…"],
    ["http://127.0.0.1:4000/hooks", "http://127.0.0.1:4000/hooks"],
    ["https://example.com/?token=x", "https://example.com/…"],
    ["https://example.com", "https://example.com"],
  ])("%s is shown as %s", (input, shown) => expect(displayUrl(input)).toBe(shown));
});
