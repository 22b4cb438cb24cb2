import { describe, expect, it } from "vitest";
import { createService, createTeam } from "../../prisma/seed/factories";
import { cliTestActor, personActor, testDb } from "../../test/helpers";
import { actorForBearerToken } from "../auth/api-tokens";
import { createApiToken } from "./create-api-token";
import { listServiceTokens } from "./queries";
import { revokeApiToken } from "./revoke-api-token";

const db = testDb;

describe("revokeApiToken", () => {
  it("lets the owning team revoke, stops the token at once, audits once, and refuses outsiders", async () => {
    const team = await createTeam(db());
    const service = await createService(db(), { teamId: team.id });
    const token = await createApiToken(db(), cliTestActor(), { service: service.slug, name: "ci", scopes: ["deployments:write"] });
    const outsider = await revokeApiToken(db(), personActor({ teamIds: [] }), token.id).catch((error: unknown) => error);
    expect(outsider).toMatchObject({ code: "FORBIDDEN" });
    expect(await actorForBearerToken(token.secret)).not.toBeNull();

    const member = personActor({ teamIds: [team.id] });
    await revokeApiToken(db(), member, token.id);
    await revokeApiToken(db(), member, token.id);
    expect(await actorForBearerToken(token.secret)).toBeNull();
    const events = await db().auditEvent.findMany({ where: { entityId: token.id, action: "api-token.revoke" } });
    expect(events).toHaveLength(1);
    const [listed] = await listServiceTokens(db(), service.id);
    expect(listed).toMatchObject({ id: token.id, name: "ci", revokedAt: expect.any(Date) });
    expect(JSON.stringify(listed)).not.toContain("tokenHash");
  });
});
