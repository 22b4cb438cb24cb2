import { describe, expect, it } from "vitest";
import { createService, createTeam } from "../../prisma/seed/factories";
import { cliTestActor, personActor, testDb } from "../../test/helpers";
import { actorForBearerToken, hashToken } from "../auth/api-tokens";
import { AppError } from "../errors";
import { createApiToken } from "./create-api-token";

const db = testDb;

describe("createApiToken", () => {
  it("stores only the hash, audits without the secret, and the secret authenticates as a token actor", async () => {
    const service = await createService(db());
    const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "ci", scopes: ["oncall:read", "deployments:write"] });
    expect(token.secret).toMatch(/^rw_/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashToken(token.secret));
    expect(JSON.stringify(row)).not.toContain(token.secret);
    const [event] = await db().auditEvent.findMany({ where: { entityId: token.id } });
    expect(event!.action).toBe("api-token.create");
    expect(JSON.stringify({ ...event, seq: null })).not.toContain(token.secret);
    const actor = await actorForBearerToken(token.secret);
    expect(actor).toMatchObject({ kind: "TOKEN", id: token.id, serviceId: service.id, scopes: ["deployments:write", "oncall:read"] });
  });

  it("refuses unknown scopes and services with field errors, and people outside the owning team", async () => {
    const team = await createTeam(db());
    const service = await createService(db(), { teamId: team.id });
    const error = await createApiToken(db(), cliTestActor(), { service: "no-such-service", name: "x", scopes: ["root" as never] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fieldErrors)).toEqual(["scopes.0"]);
    const missing = await createApiToken(db(), cliTestActor(), { service: "no-such-service", name: "x", scopes: ["gate:read"] }).catch((e: unknown) => e);
    expect((missing as AppError).fieldErrors.service).toBeDefined();
    const outsider = await createApiToken(db(), personActor({ teamIds: [] }), { service: service.slug, name: "x", scopes: ["gate:read"] }).catch((e: unknown) => e);
    expect((outsider as AppError).code).toBe("FORBIDDEN");
  });

  it("does not authenticate expired, revoked or malformed tokens", async () => {
    const service = await createService(db());
    const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "ci", scopes: ["gate:read"], expiresInDays: 1 });
    expect(await actorForBearerToken(token.secret, new Date(Date.now() + 2 * 24 * 3600 * 1000))).toBeNull();
    await db().apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    expect(await actorForBearerToken(token.secret)).toBeNull();
    expect(await actorForBearerToken("not-a-token")).toBeNull();
  });

  it("expires at the stored instant, whatever the server's time zone (timestamps are stored as UTC)", async () => {
    const service = await createService(db());
    const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "ci", scopes: ["gate:read"] });
    const expiresAt = new Date("2031-03-30T01:30:00Z"); // a DST change in Europe and days from one in America
    await db().apiToken.update({ where: { id: token.id }, data: { expiresAt } });
    expect(await actorForBearerToken(token.secret, new Date(expiresAt.getTime() - 1000))).toMatchObject({ id: token.id });
    expect(await actorForBearerToken(token.secret, new Date(expiresAt.getTime() + 1000))).toBeNull();
  });
});
