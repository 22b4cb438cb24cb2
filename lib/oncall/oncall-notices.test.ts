// On-call notices through the event stream: the person asked hears of a cover request, the person
// who asked hears the answer, and a shift's person is reminded an hour ahead, once however often
// the minutely job runs.
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createDomain, createPerson, createTeam } from "../../prisma/seed/factories";
import { createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { drainEventsOf } from "../../test/drain-events";
import { actorFor, testDb } from "../../test/helpers";
import { onCallNotices } from "./event-notices";
import { requestCover } from "./request-cover";
import { respondToRequest } from "./respond-to-request";
import { shiftStartReminders } from "./shift-reminders";

const db = testDb;
const zone = "Europe/London";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const NOW = at("2026-12-02T12:00");

type P = Awaited<ReturnType<typeof createPerson>>;
let people: P[];
let schedule: { id: string; slug: string };

beforeAll(async () => {
  const domain = await createDomain(db());
  const team = await createTeam(db(), { domainId: domain.id });
  people = [];
  for (let i = 0; i < 4; i += 1) people.push(await createPerson(db(), { teams: [{ teamId: team.id }] }));
  // weekly from Monday 16 Nov 09:00: 0, 1, 2 (30 Nov – 7 Dec), 3 (7 – 14 Dec), …
  schedule = await createOnCallSchedule(db(), { teamId: team.id, participantIds: people.map((p) => p.id), effectiveFrom: at("2026-11-16T09:00") });
});

const inbox = (person: P) => db().notification.findMany({ where: { personId: person.id }, select: { kind: true, title: true, href: true } });

describe("on-call notices", () => {
  it("tells the person asked, then the person who asked of the answer", async () => {
    const [, asked, , asker] = people as [P, P, P, P];
    const request = await requestCover(db(), actorFor(asker), { scheduleId: schedule.id, responderId: asked.id, startsAt: at("2026-12-08T18:00").toISOString(), endsAt: at("2026-12-09T09:00").toISOString() }, NOW);
    await drainEventsOf(db(), onCallNotices, [request.id]);
    expect(await inbox(asked)).toEqual([{ kind: "oncall.request.created", title: expect.stringMatching(new RegExp(`^${asker.name} asks you to cover on `)), href: `/oncall/${schedule.slug}` }]);
    await respondToRequest(db(), actorFor(asked), request.id, "DECLINE", NOW);
    await drainEventsOf(db(), onCallNotices, [request.id]);
    expect(await inbox(asker)).toEqual([{ kind: "oncall.request.declined", title: expect.stringMatching(new RegExp(`^${asked.name} declined your cover request`)), href: `/oncall/${schedule.slug}` }]);
  });

  it("reminds the person whose shift starts within the hour, once", async () => {
    const next = people[3]!;
    const before = at("2026-12-07T08:30");
    await shiftStartReminders(db(), before);
    await shiftStartReminders(db(), at("2026-12-07T08:31")); // the next minute's run
    await drainEventsOf(db(), onCallNotices, [schedule.id]);
    const reminders = (await inbox(next)).filter((n) => n.kind === "oncall.shift.starting");
    expect(reminders).toEqual([{ kind: "oncall.shift.starting", title: expect.stringMatching(/^Your primary on-call shift on .* starts at Mon 7 Dec 09:00 UTC$/), href: `/oncall/${schedule.slug}` }]);
    // Nobody else's shift starts in that hour.
    for (const other of people.slice(0, 3)) expect((await inbox(other)).filter((n) => n.kind === "oncall.shift.starting")).toEqual([]);
  });
});
