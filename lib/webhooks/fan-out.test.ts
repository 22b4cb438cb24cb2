// The `webhooks` subscriber through the real dispatcher: one delivery per (event, webhook) that wants
// it, a team's webhook only for its team's events, nothing twice when the event is handed over again;
// and the Slack format's Block Kit shape.
process.env.RUNWELL_SECRETS_KEY ??= "webhook-tests-secrets-key-0123456789";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTeam } from "../../prisma/seed/factories";
import { adminActor, testDb } from "../../test/helpers";
import { drainSubscriber } from "../events/dispatch";
import { emitEvent } from "../events/emit";
import type { Subscriber } from "../events/subscribers";
import { createWebhook } from "./create-webhook";
import { webhookFanOut } from "./fan-out";
import { slackBody } from "./payload";

const db = testDb;
const deployment = (slug: string) => ({ id: "d1", version: "2.4.0", environment: "production", service: { id: "s1", slug, name: slug }, href: "/deployments/d1" });

/** The real subscriber under a cursor of the test's own, seeing only the test's entities. */
function scoped(entityIds: Set<string>): Subscriber {
  return { ...webhookFanOut, name: `test:webhooks:${randomUUID()}`, handle: (event, context) => (entityIds.has(event.entityId) ? webhookFanOut.handle(event, context) : Promise.resolve()) };
}

describe("webhook fan-out", () => {
  it("makes one delivery per webhook that wants the event, once, however often the event is handed over", async () => {
    const mine = await createTeam(db());
    const other = await createTeam(db());
    const url = "http://127.0.0.1:9/never-called";
    const org = await createWebhook(db(), adminActor(), { team: null, url, events: ["deployment.failed"] });
    const orgOther = await createWebhook(db(), adminActor(), { team: null, url, events: ["change.submitted"] });
    const team = await createWebhook(db(), adminActor(), { team: mine.slug, url, events: ["deployment.failed", "deployment.finished"] });
    const foreign = await createWebhook(db(), adminActor(), { team: other.slug, url, events: ["deployment.failed"] });
    const entity = randomUUID();
    await db().$transaction((tx) => emitEvent(tx, "deployment.failed", { entityType: "Deployment", entityId: entity, serviceId: null, teamId: mine.id }, { deployment: deployment("checkout"), production: true }));
    const queued: string[] = [];
    const subscriber = scoped(new Set([entity]));
    const enqueue = () => async (queue: string, data: object) => void queued.push(`${queue}:${(data as { deliveryId: string }).deliveryId}`);
    await drainSubscriber(db(), subscriber, enqueue);
    // The cursor moves on: hand the same event over again, as a redelivery after a crash would.
    await db().eventCursor.update({ where: { subscriber: subscriber.name }, data: { lastSeq: 0 } });
    await drainSubscriber(db(), subscriber, enqueue);

    const event = await db().domainEvent.findFirstOrThrow({ where: { entityId: entity } });
    // Other test files add organisation webhooks at the same time: look at this test's own.
    const mineOnly = [org.id, orgOther.id, team.id, foreign.id];
    const all = await db().webhookDelivery.findMany({ where: { eventId: event.id }, select: { id: true, webhookId: true, body: true } });
    const deliveries = all.filter((d) => mineOnly.includes(d.webhookId));
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual([org.id, team.id].sort());
    // One job per delivery made, none for the redelivery.
    expect(queued.sort()).toEqual(all.map((d) => `webhook.deliver:${d.id}`).sort());
    expect(JSON.parse(deliveries[0]!.body)).toEqual({ type: "deployment.failed", timestamp: event.occurredAt.toISOString(), data: { deployment: deployment("checkout"), production: true } });
  });

  it("leaves out webhooks that are off, removed, or added after the event", async () => {
    const url = "http://127.0.0.1:9/never-called";
    const entity = randomUUID();
    await db().$transaction((tx) => emitEvent(tx, "deployment.started", { entityType: "Deployment", entityId: entity }, { deployment: deployment("api"), production: true }));
    const later = await createWebhook(db(), adminActor(), { team: null, url, events: ["deployment.started"] });
    const off = await createWebhook(db(), adminActor(), { team: null, url, events: ["deployment.started"] });
    await db().webhook.update({ where: { id: off.id }, data: { enabled: false, createdAt: new Date(0) } });
    await db().webhook.update({ where: { id: later.id }, data: { removedAt: new Date() } });
    await drainSubscriber(db(), scoped(new Set([entity])), () => async () => undefined);
    const event = await db().domainEvent.findFirstOrThrow({ where: { entityId: entity } });
    expect(await db().webhookDelivery.count({ where: { eventId: event.id, webhookId: { in: [later.id, off.id] } } })).toBe(0);
  });
});

describe("the Slack format", () => {
  it("is a Block Kit message: fallback text, a mrkdwn section linking to the portal, and a context line", () => {
    const body = JSON.parse(slackBody({ id: "e1", type: "deployment.flagged", occurredAt: new Date("2026-12-03T09:30:00Z"), payload: { deployment: deployment("pay<ments>"), kind: "rollback", message: "Rolled back <fast> & safe" } }, (path) => `https://runwell.example.com${path}`));
    expect(Object.keys(body).sort()).toEqual(["blocks", "text"]);
    expect(body.text).toBe("pay&lt;ments&gt; 2.4.0 flagged (rollback) — Rolled back &lt;fast&gt; &amp; safe");
    expect(body.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "*<https://runwell.example.com/deployments/d1|pay&lt;ments&gt; 2.4.0 flagged (rollback)>*\nRolled back &lt;fast&gt; &amp; safe" } },
      { type: "context", elements: [{ type: "mrkdwn", text: "Runwell · `deployment.flagged` · 2026-12-03 09:30 UTC" }] },
    ]);
  });

  it("is what a Slack webhook's deliveries carry", async () => {
    const entity = randomUUID();
    const slack = await createWebhook(db(), adminActor(), { team: null, url: "https://hooks.slack.example/services/T1/B2/secret", events: ["change.submitted"], format: "SLACK" });
    await db().$transaction((tx) =>
      emitEvent(tx, "change.submitted", { entityType: "ChangeRequest", entityId: entity }, { change: { id: entity, number: 42, title: "Raise pool size", type: "NORMAL" }, service: { id: "s", slug: "checkout", name: "Checkout" }, requester: null, href: "/changes/x" }),
    );
    await drainSubscriber(db(), scoped(new Set([entity])), () => async () => undefined);
    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: slack.id } });
    const body = JSON.parse(delivery.body);
    expect(body.text).toBe("CHG-42 on checkout awaits the CAB — Raise pool size");
    expect(body.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: expect.stringMatching(/^\*<http.*\/changes\/x\|CHG-42 on checkout awaits the CAB>\*\nRaise pool size$/) } });
  });
});
