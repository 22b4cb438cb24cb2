// The backlog API: its shape, the reliability signal, and who may read which team's backlog.
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../../prisma/seed/factories";
import { createIncident } from "../../../prisma/seed/incident-factories";
import { actorFor, personActor, testDb, tokenActor } from "../../../test/helpers";
import { AppError } from "../../errors";
import { createBacklogItem } from "../create-backlog-item";
import { moveBacklogItem } from "../move-backlog-item";
import { SIGNAL_REASON, teamBacklog } from "../queries";
import { setTargetShare } from "../set-target-share";
import { backlogForApi } from "./backlog-for-api";

const db = testDb;
const NOW = new Date();
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

let team: { id: string; slug: string };
let other: { id: string; slug: string };
let service: { id: string; slug: string; name: string };
let otherService: { id: string };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  team = await createTeam(db());
  other = await createTeam(db());
  service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9" });
  otherService = await createService(db(), { teamId: other.id });
  const member = actorFor(await createPerson(db(), { teams: [{ teamId: team.id }] }));
  const pm = actorFor(await createPerson(db(), { role: "PRODUCT_MANAGER", teams: [{ teamId: team.id }] }));
  await createBacklogItem(db(), member, { teamSlug: team.slug, title: "New onboarding flow", type: "PRODUCT", estimate: 6 }, NOW);
  const fix = await createBacklogItem(db(), member, { teamSlug: team.slug, title: "Add a read replica", type: "OPERATIONAL", subtype: "RELIABILITY", estimate: 2, serviceId: service.id }, NOW);
  await createBacklogItem(db(), member, { teamSlug: team.slug, title: "Unestimated idea", type: "PRODUCT" }, NOW);
  const shipped = await createBacklogItem(db(), member, { teamSlug: team.slug, title: "Patch the kernel", type: "OPERATIONAL", subtype: "SECURITY_PATCH", estimate: 1 }, NOW);
  await moveBacklogItem(db(), member, { itemId: shipped.id, status: "DONE" }, NOW);
  await setTargetShare(db(), pm, { teamSlug: team.slug, target: 30 });
  // Twelve hours down in the last day: a 99.9 % service has spent its 28-day budget (40 minutes).
  await createIncident(db(), { services: [{ id: service.id, teamId: team.id }], lostAt: hoursAgo(24), regainedAt: hoursAgo(12), impact: "HIGH" });
  void fix;
});

describe("GET /api/v1/teams/{slug}/backlog", () => {
  it("answers the balance, the signal and the items by position", async () => {
    const body = await backlogForApi(db(), personActor(), team.slug, NOW);
    expect(body).toMatchObject({
      team: { slug: team.slug },
      targetOperationalShare: 30,
      plannedOperationalShare: 25, // 2 of 8 open points
      doneOperationalShare: 100, // the one point done this week was operational
      signal: { reason: SIGNAL_REASON, services: [{ slug: service.slug, reasons: expect.arrayContaining(["BUDGET_SPENT"]) }] },
    });
    expect(body.items.map((i) => [i.rank, i.title, i.type, i.subtype, i.status, i.estimate])).toEqual([
      [1, "New onboarding flow", "PRODUCT", null, "TODO", 6],
      [2, "Add a read replica", "OPERATIONAL", "RELIABILITY", "TODO", 2],
      [3, "Unestimated idea", "PRODUCT", null, "TODO", null],
      [4, "Patch the kernel", "OPERATIONAL", "SECURITY_PATCH", "DONE", 1],
    ]);
    const page = await teamBacklog(db(), personActor(), team.slug, NOW);
    expect(page!.addressing.map((i) => i.title)).toEqual(["Add a read replica"]);
  });

  it("a service token reads its own team's backlog only; catalog:read or an organisation token any", async () => {
    await expect(backlogForApi(db(), tokenActor({ scopes: ["backlog:read"], serviceId: service.id }), team.slug, NOW)).resolves.toMatchObject({ team: { slug: team.slug } });
    expect((await rejection(backlogForApi(db(), tokenActor({ scopes: ["backlog:read"], serviceId: otherService.id }), team.slug, NOW))).code).toBe("FORBIDDEN");
    expect((await rejection(backlogForApi(db(), tokenActor({ scopes: ["backlog:read"], serviceId: otherService.id }), "no-such-team", NOW))).code).toBe("FORBIDDEN");
    expect((await rejection(backlogForApi(db(), tokenActor({ scopes: ["incidents:read"], serviceId: service.id }), team.slug, NOW))).code).toBe("FORBIDDEN");
    await expect(backlogForApi(db(), tokenActor({ scopes: ["backlog:read", "catalog:read"], serviceId: otherService.id }), team.slug, NOW)).resolves.toBeTruthy();
    await expect(backlogForApi(db(), tokenActor({ scopes: ["backlog:read"], serviceId: null }), other.slug, NOW)).resolves.toMatchObject({ signal: null, items: [], plannedOperationalShare: null });
  });

  it.each([["no-such-team", "NOT_FOUND"], ["Bad Slug", "VALIDATION"], ["x".repeat(500), "VALIDATION"], ["a\u0000b", "VALIDATION"]])("%j is answered %s", async (slug, code) => {
    expect((await rejection(backlogForApi(db(), personActor(), slug, NOW))).code).toBe(code);
  });
});
