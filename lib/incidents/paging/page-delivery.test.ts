// A page as the paged person and the team's channels receive it: an email through a real local SMTP
// server with the signed acknowledge link (which then acknowledges), and the `incident.paged` webhook
// through a real receiver that verifies its signature, in the standard and the Slack format, neither of
// which carries the link.
process.env.RUNWELL_SECRETS_KEY ??= "paging-tests-secrets-key-0123456789";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { DateTime } from "luxon";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../../prisma/seed/factories";
import { createOnCallSchedule } from "../../../prisma/seed/oncall-factories";
import { actorFor, adminActor, testDb } from "../../../test/helpers";
import { startReceiver, type Receiver } from "../../../test/webhook-receiver";
import { drainSubscriber } from "../../events/dispatch";
import type { Subscriber } from "../../events/subscribers";
import { sendEmailDelivery } from "../../notifications/email";
import { createWebhook } from "../../webhooks/create-webhook";
import { deliverWebhook } from "../../webhooks/deliver-webhook";
import { webhookFanOut } from "../../webhooks/fan-out";
import { declareIncident } from "../declare-incident";
import { acknowledgeFromLink } from "./acknowledge-from-link";
import { incidentPaging } from "./on-incident-paging";
import { pagingNotices } from "./paging-notices";

const db = testDb;
const received: ParsedMail[] = [];
let smtp: SMTPServer;
let receiver: Receiver;
const EVENING = DateTime.fromISO("2026-12-01T21:30", { zone: "Europe/London" }).toJSDate();

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  // lib/env reads the environment on first use, which comes after this.
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

type Job = { queue: string; data: Record<string, unknown> };
const jobs: Job[] = [];
const enqueueIn = () => async (queue: string, data: object) => void jobs.push({ queue, data: data as Job["data"] });
const watched = new Set<string>();
const scoped = (subscriber: Subscriber): Subscriber => ({ ...subscriber, name: `test:${subscriber.name}:${randomUUID()}`, handle: (event, context) => (watched.has(event.entityId) ? subscriber.handle(event, context) : Promise.resolve()) });
const subscribers = [scoped(incidentPaging(() => EVENING)), scoped(pagingNotices), scoped(webhookFanOut)];

describe("a page on every channel", () => {
  it("emails the paged person an acknowledge link that works, and posts incident.paged to the team's webhooks without it", async () => {
    const team = await createTeam(db());
    const paged = await createPerson(db(), { name: "Nia Night", teams: [{ teamId: team.id }] });
    const rest = [await createPerson(db(), { teams: [{ teamId: team.id }] }), await createPerson(db(), { teams: [{ teamId: team.id }] })];
    const service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    await createOnCallSchedule(db(), { teamId: team.id, participantIds: [paged.id, ...rest.map((p) => p.id)], effectiveFrom: DateTime.fromISO("2026-11-30T09:00", { zone: "Europe/London" }).toJSDate() });
    const standard = await createWebhook(db(), adminActor(), { team: team.slug, url: receiver.url, events: ["incident.paged"] });
    const slack = await createWebhook(db(), adminActor(), { team: team.slug, url: receiver.url, events: ["incident.paged"], format: "SLACK" });
    receiver.secrets.push(standard.secret, slack.secret);

    const opened = await declareIncident(db(), actorFor(rest[0]!), { services: [service.slug], title: "Checkout returns 502", impact: "MEDIUM" }, EVENING);
    watched.add(opened.id);
    for (const subscriber of subscribers) await drainSubscriber(db(), subscriber, enqueueIn);

    // The email: one, to the paged person, with the link.
    for (const job of jobs.filter((j) => j.queue === "email.send")) await sendEmailDelivery(db(), String(job.data.deliveryId), EVENING);
    const mails = received.filter((mail) => mail.subject?.includes(`INC-${opened.number}`));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(paged.email);
    expect(mail.subject).toBe(`[Runwell] You are paged: INC-${opened.number} on ${service.name}: Checkout returns 502`);
    expect(mail.text).toMatch(/Why you: on call on .* \(out of hours\)\./);
    const link = /Acknowledge: (http\S+\/incidents\/ack\/(\S+))/.exec(mail.text ?? "");
    expect(link).not.toBeNull();
    expect(mail.html).toContain(">Acknowledge</a>");

    // The webhooks: incident.paged, signed, naming the person, level and reason, never the link.
    for (const job of jobs.filter((j) => j.queue === "webhook.deliver")) await deliverWebhook(db(), String(job.data.deliveryId), { now: new Date(), enqueueIn }); // the receiver checks the signature's timestamp against its own clock
    const event = await db().domainEvent.findFirstOrThrow({ where: { entityId: opened.id, type: "incident.paged" }, select: { id: true } });
    const posts = receiver.received.filter((request) => request.id === event.id);
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      expect(post.verified).toBe(true);
      expect(post.body).not.toContain("/incidents/ack/");
      expect(post.body).not.toContain(link![2]!.slice(0, 20));
    }
    const body = posts.map((post) => JSON.parse(post.body) as { type?: string; data?: { person: { name: string }; level: number; reason: string; outOfHours: boolean }; text?: string });
    const data = body.find((b) => b.type === "incident.paged")!.data!;
    expect(data).toMatchObject({ person: { name: "Nia Night" }, level: 0, outOfHours: true, reason: expect.stringMatching(/^on call on /) });
    expect(body.find((b) => b.text)!.text).toMatch(new RegExp(`INC-${opened.number} on ${service.slug} .*: paged Nia Night`));

    // The link from the email acknowledges as the paged person.
    const token = decodeURIComponent(link![2]!);
    expect(await acknowledgeFromLink(db(), token, new Date(EVENING.getTime() + 3 * 60_000))).toMatchObject({ status: 200, personName: "Nia Night" });
    expect(await db().incident.findUniqueOrThrow({ where: { id: opened.id }, select: { status: true } })).toEqual({ status: "ACKNOWLEDGED" });
  });
});
