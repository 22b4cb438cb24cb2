// On-call use cases against the run's real PostgreSQL: refusals with clear reasons that write nothing,
// requests that become overrides only when accepted, leave clashes, audit events, and who is on call.
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createDomain, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createOnCallLeave, createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { actorFor, personActor, testDb, tokenActor } from "../../test/helpers";
import { AppError } from "../errors";
import { addLeave } from "./add-leave";
import { assignOverride } from "./assign-override";
import { editRotation } from "./edit-rotation";
import { getOnCallNow } from "./get-oncall-now";
import { requestCover } from "./request-cover";
import { requestSwap } from "./request-swap";
import { onCallForApi } from "./oncall-for-api";
import { respondToRequest } from "./respond-to-request";
import { rotateFeed } from "./rotate-feed";
import { setOptOut } from "./set-opt-out";
import { takeShiftNow } from "./take-shift-now";
import { feedCalendar } from "./views";

const db = testDb;
const zone = "Europe/London";
// A fixed Wednesday noon, so the rotation below is known: Monday 09:00 handoffs from two weeks before.
const NOW = DateTime.fromISO("2026-12-02T12:00", { zone }).toJSDate();
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const iso = (value: string) => at(value).toISOString();

type P = Awaited<ReturnType<typeof createPerson>>;
let team: { id: string };
let people: P[];
let lead: P;
let schedule: { id: string; slug: string };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  const domain = await createDomain(db());
  team = await createTeam(db(), { domainId: domain.id });
  people = [];
  for (let i = 0; i < 5; i += 1) people.push(await createPerson(db(), { teams: [{ teamId: team.id }] }));
  lead = await createPerson(db(), { teams: [{ teamId: team.id, isLead: true }] });
  // ana (0) 16–23 Nov, ben (1) 23–30 Nov, cy (2) 30 Nov–7 Dec (now), dee (3) 7–14 Dec, ana 14–21 Dec ...
  schedule = await createOnCallSchedule(db(), { teamId: team.id, participantIds: people.slice(0, 4).map((p) => p.id), effectiveFrom: at("2026-11-16T09:00") });
});

const [ANA, BEN, CY, DEE, EVE] = [0, 1, 2, 3, 4];
const actor = (index: number) => actorFor(people[index]!);

describe("requests and refusals", () => {
  it("refuses an end before the start with a field error, writing nothing", async () => {
    const before = await db().onCallRequest.count();
    const error = await rejection(requestCover(db(), actor(DEE), { scheduleId: schedule.id, responderId: people[BEN]!.id, startsAt: iso("2026-12-08T18:00"), endsAt: iso("2026-12-08T17:00") }, NOW));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors.endsAt).toEqual(["The end must be after the start."]);
    expect(await db().onCallRequest.count()).toBe(before);
  });

  it("refuses a range outside the schedule", async () => {
    const error = await rejection(requestCover(db(), actor(ANA), { scheduleId: schedule.id, responderId: people[BEN]!.id, startsAt: iso("2026-11-10T18:00"), endsAt: iso("2026-11-11T09:00") }, NOW));
    expect(error.message).toMatch(/not on call|outside the schedule/);
  });

  it("refuses asking someone who is on leave then", async () => {
    await createOnCallLeave(db(), { personId: people[EVE]!.id, startsAt: at("2026-12-08T00:00"), endsAt: at("2026-12-10T00:00") });
    const error = await rejection(requestCover(db(), actor(DEE), { scheduleId: schedule.id, responderId: people[EVE]!.id, startsAt: iso("2026-12-08T18:00"), endsAt: iso("2026-12-09T09:00") }, NOW));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors.responderId?.[0]).toMatch(/is on leave then/);
  });

  it("refuses someone already on call elsewhere then", async () => {
    const otherTeam = await createTeam(db());
    const busy = await createPerson(db(), { teams: [{ teamId: otherTeam.id }] });
    const fillers = [await createPerson(db()), await createPerson(db())];
    await createOnCallSchedule(db(), { teamId: otherTeam.id, participantIds: [busy.id, ...fillers.map((p) => p.id)], effectiveFrom: at("2026-12-07T09:00") });
    const error = await rejection(requestCover(db(), actor(DEE), { scheduleId: schedule.id, responderId: busy.id, startsAt: iso("2026-12-08T18:00"), endsAt: iso("2026-12-09T09:00") }, NOW));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already on call for .* then/);
  });

  it("refuses someone who opted out, and records the opt-out without a reason", async () => {
    await setOptOut(db(), actor(EVE), schedule.id, true, NOW);
    const error = await rejection(requestCover(db(), actor(ANA), { scheduleId: schedule.id, responderId: people[EVE]!.id, startsAt: iso("2026-12-20T18:00"), endsAt: iso("2026-12-21T09:00") }, NOW));
    expect(error.message).toMatch(/opted out/);
    const events = await db().auditEvent.findMany({ where: { entityId: schedule.id, action: "oncall-schedule.opt-out" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual({ personId: people[EVE]!.id });
  });

  it("a cover request changes nothing until accepted, then becomes an override", async () => {
    const request = await requestCover(db(), actor(DEE), { scheduleId: schedule.id, responderId: people[BEN]!.id, startsAt: iso("2026-12-08T18:00"), endsAt: iso("2026-12-09T09:00"), message: "Dentist" }, NOW);
    expect(await db().onCallOverride.count({ where: { requestId: request.id } })).toBe(0);
    await expect(respondToRequest(db(), actor(CY), request.id, "ACCEPT", NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await respondToRequest(db(), actor(BEN), request.id, "ACCEPT", NOW);
    const overrides = await db().onCallOverride.findMany({ where: { requestId: request.id } });
    expect(overrides).toMatchObject([{ personId: people[BEN]!.id, replacesPersonId: people[DEE]!.id, kind: "COVER" }]);
    const actions = (await db().auditEvent.findMany({ where: { entityId: { in: [request.id, overrides[0]!.id] } }, orderBy: { occurredAt: "asc" } })).map((e) => e.action);
    // Accepting writes the override and the acceptance in one transaction, at one instant: their order is a tie.
    expect([actions[0], ...actions.slice(1).sort()]).toEqual(["oncall-request.create", "oncall-override.create", "oncall-request.accept"]);
    await expect(respondToRequest(db(), actor(BEN), request.id, "DECLINE", NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a swap exchanges two shifts when accepted", async () => {
    const request = await requestSwap(db(), actor(DEE), {
      scheduleId: schedule.id, responderId: people[ANA]!.id,
      startsAt: iso("2026-12-07T09:00"), endsAt: iso("2026-12-08T09:00"),
      swapStartsAt: iso("2026-12-14T09:00"), swapEndsAt: iso("2026-12-15T09:00"),
    }, NOW);
    await respondToRequest(db(), actor(ANA), request.id, "ACCEPT", NOW);
    const overrides = await db().onCallOverride.findMany({ where: { requestId: request.id }, orderBy: { startsAt: "asc" } });
    expect(overrides.map((o) => [o.personId, o.replacesPersonId, o.kind])).toEqual([
      [people[ANA]!.id, people[DEE]!.id, "SWAP"],
      [people[DEE]!.id, people[ANA]!.id, "SWAP"],
    ]);
  });

  it("a declined request writes no override", async () => {
    const request = await requestCover(db(), actor(DEE), { scheduleId: schedule.id, responderId: people[CY]!.id, startsAt: iso("2026-12-10T18:00"), endsAt: iso("2026-12-11T09:00") }, NOW);
    await respondToRequest(db(), actor(CY), request.id, "DECLINE", NOW);
    expect(await db().onCallOverride.count({ where: { requestId: request.id } })).toBe(0);
    expect((await db().onCallRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("DECLINED");
  });

  it("take now makes the taker primary until the live shift ends", async () => {
    const taken = await takeShiftNow(db(), actor(BEN), schedule.id, NOW);
    expect(taken.endsAt).toEqual(at("2026-12-07T09:00"));
    await expect(takeShiftNow(db(), actor(BEN), schedule.id, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("only admins and team leads assign directly", async () => {
    const input = { scheduleId: schedule.id, personId: people[CY]!.id, startsAt: "2026-12-22T18:00", endsAt: "2026-12-23T09:00" };
    await expect(assignOverride(db(), actor(ANA), input, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await assignOverride(db(), actorFor(lead), input, NOW);
    await assignOverride(db(), personActor({ role: "ADMIN" }), { ...input, startsAt: "2026-12-23T18:00", endsAt: "2026-12-24T09:00" }, NOW);
    expect(await db().onCallOverride.count({ where: { scheduleId: schedule.id, kind: "ASSIGNED" } })).toBe(2);
  });
});

describe("leave", () => {
  it("flags the person's existing shifts that clash with new leave", async () => {
    // Ana holds Dec 14-21 by rotation except the 14th-15th she swapped to Dee above.
    const result = await addLeave(db(), actor(ANA), { startsAt: "2026-12-16T00:00", endsAt: "2026-12-18T00:00", timeZone: zone, note: "Away" }, NOW);
    expect(result.clashes).toHaveLength(1);
    expect(result.clashes[0]!.scheduleName).toBeTruthy();
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: result.id } });
    expect(event.action).toBe("oncall-leave.create");
  });

  it("someone else's leave needs an admin or a team lead", async () => {
    await expect(addLeave(db(), actor(BEN), { personId: people[CY]!.id, startsAt: "2027-01-04T00:00", endsAt: "2027-01-05T00:00", timeZone: zone }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await addLeave(db(), actorFor(lead), { personId: people[CY]!.id, startsAt: "2027-01-04T00:00", endsAt: "2027-01-05T00:00", timeZone: zone }, NOW);
  });
});

describe("rotation edits", () => {
  it("refuse a date in the past and fewer than three people", async () => {
    const error = await rejection(editRotation(db(), actorFor(lead), schedule.id, { rotationDays: 7, handoffWeekday: 1, handoffTime: "09:00", participantIds: [people[ANA]!.id, people[BEN]!.id], effectiveFrom: "2026-11-01T09:00" }, NOW));
    expect(Object.keys(error.fieldErrors)).toEqual(["participantIds"]);
    const past = await rejection(editRotation(db(), actorFor(lead), schedule.id, { rotationDays: 7, handoffWeekday: 1, handoffTime: "09:00", participantIds: people.slice(0, 3).map((p) => p.id), effectiveFrom: "2026-11-01T09:00" }, NOW));
    expect(Object.keys(past.fieldErrors)).toEqual(["effectiveFrom"]);
  });
});

describe("who is on call now and feeds", () => {
  it("answers for a 99.9% service out of hours from the team schedule", async () => {
    const service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    const evening = at("2026-12-02T20:00");
    const [answer] = await getOnCallNow(db(), { slug: service.slug }, evening);
    expect(answer).toMatchObject({ cover: "out_of_hours_team", primary: { id: people[BEN]!.id } });
    expect(answer!.until).toEqual(at("2026-12-03T09:00"));
    const [inHours] = await getOnCallNow(db(), { slug: service.slug }, NOW);
    expect(inHours!.cover).toBe("in_hours_team");
  });

  it("answers a token with the oncall:read scope for its own service only, and an unknown slug like a foreign one", async () => {
    const mine = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    const theirs = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    const token = tokenActor({ scopes: ["oncall:read"], serviceId: mine.id });
    await expect(onCallForApi(db(), tokenActor({ scopes: [], serviceId: mine.id }), mine.slug, NOW)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("oncall:read") });
    await expect(onCallForApi(db(), token, mine.slug, NOW)).resolves.toMatchObject({ service: mine.slug });
    const foreign = await rejection(onCallForApi(db(), token, theirs.slug, NOW));
    const unknown = await rejection(onCallForApi(db(), token, "no-such-service", NOW));
    expect({ code: foreign.code, message: foreign.message }).toEqual({ code: unknown.code, message: unknown.message });
    expect(foreign.code).toBe("FORBIDDEN");
    // With catalog:read the token reads other services' on-call, and learns of missing ones.
    const reader = tokenActor({ scopes: ["oncall:read", "catalog:read"], serviceId: mine.id });
    await expect(onCallForApi(db(), reader, theirs.slug, NOW)).resolves.toMatchObject({ service: theirs.slug });
    await expect(onCallForApi(db(), reader, "no-such-service", NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("names the owning team and its chat channel in working hours, beside the person on its rota", async () => {
    const chatty = await createTeam(db(), { name: "Loyalty", chatChannel: "#loyalty-team" });
    const noRota = await createService(db(), { teamId: chatty.id, availabilityTarget: "P95_0", maxLossPerHour: 100 });
    const reader = tokenActor({ scopes: ["oncall:read", "catalog:read"] });
    await expect(onCallForApi(db(), reader, noRota.slug, NOW)).resolves.toMatchObject({ cover: "in_hours_team", team: { name: "Loyalty", chatChannel: "#loyalty-team" }, primary: null });
    const withRota = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    const inHours = await onCallForApi(db(), reader, withRota.slug, NOW);
    expect(inHours).toMatchObject({ cover: "in_hours_team", team: { chatChannel: null }, primary: { name: expect.any(String) } });
    // Out of hours the rota answers alone.
    await expect(onCallForApi(db(), reader, withRota.slug, at("2026-12-02T20:00"))).resolves.toMatchObject({ cover: "out_of_hours_team", team: null });
    await expect(onCallForApi(db(), reader, noRota.slug, at("2026-12-02T20:00"))).resolves.toMatchObject({ cover: "none", team: null, primary: null });
  });

  it("serves a parsable iCal feed of final shifts, and a rotated link stops working", async () => {
    const { token } = await rotateFeed(db(), actor(DEE), { personId: people[DEE]!.id });
    const body = await feedCalendar(db(), token, NOW);
    expect(body).toBeTruthy();
    const component = new ICAL.Component(ICAL.parse(body!));
    const events = component.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.summary.includes(people[DEE]!.name))).toBe(true);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    // The swap gave Dee 14–15 Dec from Ana: the feed holds the final shift, not the rotation's.
    expect(events.some((event) => event.startDate.toJSDate().getTime() === at("2026-12-14T09:00").getTime())).toBe(true);
    const again = await rotateFeed(db(), actor(DEE), { personId: people[DEE]!.id });
    expect(await feedCalendar(db(), token, NOW)).toBeNull();
    expect(await feedCalendar(db(), again.token, NOW)).toContain("BEGIN:VCALENDAR");
  });

  it("refuses a feed target that names both a person and a schedule, or a query object for an id", async () => {
    const feeds = await db().onCallFeed.count();
    for (const target of [{ personId: people[DEE]!.id, scheduleId: "any" }, { personId: { not: "" } }, { personId: people[DEE]!.id, revokedAt: null }]) {
      await expect(rotateFeed(db(), actor(DEE), target)).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect(await db().onCallFeed.count()).toBe(feeds);
  });
});
