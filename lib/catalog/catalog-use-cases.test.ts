// Service use cases against the run's real PostgreSQL: validation writes nothing, authorisation is
// enforced in the use case (not just the UI), and every change leaves its audit event.
import { beforeAll, describe, expect, it } from "vitest";
import { createExposureBands, createService as createServiceRow, createTeam } from "../../prisma/seed/factories";
import { personActor, testDb } from "../../test/helpers";
import { AppError } from "../errors";
import { setServiceArchived } from "./archive-service";
import { createService } from "./create-service";
import { listServices } from "./queries";
import type { TServiceInput } from "./schemas";
import { updateService } from "./update-service";

const db = testDb;
let teamA: { id: string; slug: string };
let teamB: { id: string; slug: string };

beforeAll(async () => {
  await createExposureBands(db());
  teamA = await createTeam(db());
  teamB = await createTeam(db());
});

let counter = 0;
function input(overrides: Partial<TServiceInput> = {}): TServiceInput {
  counter += 1;
  return {
    name: `Payments API ${counter}`,
    slug: `payments-api-${Date.now()}-${counter}`,
    description: "Takes card payments",
    teamId: teamA.id,
    lifecycle: "PRODUCTION",
    tier: "TIER_1",
    maxLossPerHour: 20_000,
    availabilityTarget: "P99_9",
    deploymentTarget: "DAILY",
    repositoryUrl: "https://git.example.test/payments",
    links: [{ kind: "DASHBOARD", label: "Grafana", url: "https://grafana.example.test/d/1" }],
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const eventsFor = (entityId: string) => db().auditEvent.findMany({ where: { entityId }, orderBy: { occurredAt: "asc" } });

describe("createService", () => {
  it("creates the service, its links and one audit event in the same transaction", async () => {
    const member = personActor({ teamIds: [teamA.id] });
    const created = await createService(db(), member, input());
    const row = await db().service.findUniqueOrThrow({ where: { id: created.id }, include: { links: true } });
    expect(row.teamId).toBe(teamA.id);
    expect(row.links).toHaveLength(1);
    const events = await eventsFor(created.id);
    expect(events.map((event) => event.action)).toEqual(["service.create"]);
    expect(events[0]!.actorId).toBe(member.id);
    expect((events[0]!.after as { slug: string }).slug).toBe(created.slug);
  });

  it("refuses bad input with field paths and writes nothing", async () => {
    const servicesBefore = await db().service.count();
    const error = await rejection(
      createService(db(), personActor({ teamIds: [teamA.id] }), input({
        name: "",
        slug: "Bad Slug!",
        repositoryUrl: "ftp://nope",
        links: [{ kind: "DASHBOARD", label: "", url: "not a url" }],
      })),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["links.0.label", "links.0.url", "name", "repositoryUrl", "slug"]);
    expect(await db().service.count()).toBe(servicesBefore);
    expect(await db().service.findFirst({ where: { slug: "Bad Slug!" } })).toBeNull();
  });

  it("asks for a justification when the target is above the exposure band", async () => {
    const member = personActor({ teamIds: [teamA.id] });
    const data = input({ maxLossPerHour: 0, availabilityTarget: "P99_99" });
    const error = await rejection(createService(db(), member, data));
    expect(error.fieldErrors.targetJustification?.[0]).toMatch(/suggests 95\.0%/);
    expect(await db().service.findUnique({ where: { slug: data.slug as string } })).toBeNull();
    await createService(db(), member, { ...data, targetJustification: "Regulator requires it" });
  });

  it("asks for a justification when the target is below the exposure band too", async () => {
    const member = personActor({ teamIds: [teamA.id] });
    const data = input({ maxLossPerHour: "2,000,000", availabilityTarget: "P99_0" }); // Critical suggests 99.99%
    const error = await rejection(createService(db(), member, data));
    expect(error.fieldErrors.targetJustification?.[0]).toBe("The exposure band for this loss (Critical) suggests 99.99%. Explain why 99.0% is enough for this service.");
    expect(await db().service.findUnique({ where: { slug: data.slug as string } })).toBeNull();
    const created = await createService(db(), member, { ...data, targetJustification: "Orders queue while it is down; nothing is lost." });
    expect((await db().service.findUniqueOrThrow({ where: { id: created.id } })).maxLossPerHour).toBe(2_000_000);
  });

  it("reads the exposure as typed in the form, and refuses what is not an amount with a field error", async () => {
    const member = personActor({ teamIds: [teamA.id] });
    for (const [typed, stored] of [["2,000,000", 2_000_000], ["2m", 2_000_000], ["250k", 250_000], ["12.5k", 12_500]] as const) {
      const created = await createService(db(), member, input({ maxLossPerHour: typed, availabilityTarget: stored >= 100_000 ? "P99_99" : "P99_9", targetJustification: "Sold at this level" }));
      expect((await db().service.findUniqueOrThrow({ where: { id: created.id } })).maxLossPerHour, typed).toBe(stored);
    }
    const before = await db().service.count();
    for (const typed of ["abc", "-5", "2.000.000", "1.5", "5bn"]) {
      const error = await rejection(createService(db(), member, input({ maxLossPerHour: typed })));
      expect(Object.keys(error.fieldErrors), typed).toEqual(["maxLossPerHour"]);
    }
    expect(await db().service.count()).toBe(before);
  });

  it("lets only members of the owning team and admins create", async () => {
    const outsider = personActor({ role: "PRODUCT_MANAGER", teamIds: [teamB.id] });
    expect((await rejection(createService(db(), outsider, input()))).code).toBe("FORBIDDEN");
    expect((await rejection(createService(db(), personActor({ role: "CHANGE_MANAGER" }), input()))).code).toBe("FORBIDDEN");
    await expect(createService(db(), personActor({ role: "ADMIN" }), input())).resolves.toHaveProperty("id");
  });

  it("reports a taken slug as a field conflict", async () => {
    const member = personActor({ teamIds: [teamA.id] });
    const first = await createService(db(), member, input());
    const error = await rejection(createService(db(), member, input({ slug: first.slug })));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors.slug).toBeDefined();
  });
});

describe("updateService and archiving", () => {
  it("refuses an engineer of another team, even calling the use case directly", async () => {
    const service = await createServiceRow(db(), { teamId: teamA.id });
    const error = await rejection(updateService(db(), personActor({ teamIds: [teamB.id] }), service.slug, input({ slug: service.slug })));
    expect(error.code).toBe("FORBIDDEN");
    expect((await db().service.findUniqueOrThrow({ where: { id: service.id } })).name).toBe(service.name);
  });

  it("records before and after, and names a move to another team a transfer", async () => {
    const service = await createServiceRow(db(), { teamId: teamA.id });
    const memberOfBoth = personActor({ teamIds: [teamA.id, teamB.id] });
    await updateService(db(), memberOfBoth, service.slug, input({ slug: service.slug, name: "Renamed", teamId: teamB.id }));
    const [, transfer] = await eventsFor(service.id);
    expect(transfer!.action).toBe("service.transfer");
    expect((transfer!.before as { teamId: string }).teamId).toBe(teamA.id);
    expect((transfer!.after as { teamId: string; name: string }).teamId).toBe(teamB.id);
  });

  it("records an ownership move (and only a move) as a ServiceOwnerChange at the given time", async () => {
    const service = await createServiceRow(db(), { teamId: teamA.id });
    const memberOfBoth = personActor({ teamIds: [teamA.id, teamB.id] });
    await updateService(db(), memberOfBoth, service.slug, input({ slug: service.slug, name: "Renamed" }));
    expect(await db().serviceOwnerChange.count({ where: { serviceId: service.id } })).toBe(0);
    const at = new Date("2026-10-01T09:00:00Z");
    await updateService(db(), memberOfBoth, service.slug, input({ slug: service.slug, teamId: teamB.id }), at);
    const moves = await db().serviceOwnerChange.findMany({ where: { serviceId: service.id }, select: { fromTeamId: true, toTeamId: true, changedAt: true } });
    expect(moves).toEqual([{ fromTeamId: teamA.id, toTeamId: teamB.id, changedAt: at }]);
  });

  it("archives and restores, hiding archived services from the default catalog", async () => {
    const service = await createServiceRow(db(), { teamId: teamA.id });
    const member = personActor({ teamIds: [teamA.id] });
    await setServiceArchived(db(), member, service.slug, true);
    expect((await listServices(db(), { team: teamA.slug })).map((s) => s.slug)).not.toContain(service.slug);
    expect((await listServices(db(), { team: teamA.slug, archived: "only" })).map((s) => s.slug)).toContain(service.slug);
    expect((await rejection(setServiceArchived(db(), member, service.slug, true))).code).toBe("CONFLICT");
    await setServiceArchived(db(), member, service.slug, false);
    expect((await eventsFor(service.id)).map((e) => e.action)).toEqual(["service.create", "service.archive", "service.restore"]);
  });
});
