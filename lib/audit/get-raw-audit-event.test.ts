// The audit table's raw view, read on demand: change managers get the event as recorded with its chain
// position and hashes; others are refused; a malformed or unknown id is a 400 or 404, never a 500.
import { afterAll, describe, expect, it } from "vitest";
import { createService } from "../../prisma/seed/factories";
import { personActor, testDb } from "../../test/helpers";
import { getRawAuditEvent } from "./get-raw-audit-event";
import { sealAllPending } from "./seal-audit-events";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

describe("getRawAuditEvent", () => {
  it("returns the event as recorded, sealed with its hashes", async () => {
    const service = await createService(prisma);
    await sealAllPending(prisma);
    const recorded = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Service", entityId: service.id, action: "service.create" } });
    const raw = await getRawAuditEvent(prisma, personActor({ role: "CHANGE_MANAGER" }), { id: recorded.id });
    expect(raw).toMatchObject({ id: recorded.id, action: "service.create", entityType: "Service", entityId: service.id, hash: recorded.hash, prevHash: recorded.prevHash });
    expect(raw.seq).toBe(recorded.seq!.toString());
    expect(raw.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(raw.after).toMatchObject({ slug: service.slug });
  });

  it("refuses those who may not read the audit trail, and says which id is wrong", async () => {
    const event = await prisma.auditEvent.findFirstOrThrow({ select: { id: true } });
    await expect(getRawAuditEvent(prisma, personActor({ role: "ENGINEER" }), { id: event.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getRawAuditEvent(prisma, personActor({ role: "ADMIN" }), { id: "nope-no-such-event" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRawAuditEvent(prisma, personActor({ role: "ADMIN" }), { id: "../../etc/passwd" })).rejects.toMatchObject({ fieldErrors: { id: ["Not an audit event id."] } });
    await expect(getRawAuditEvent(prisma, personActor({ role: "ADMIN" }), { id: 42 })).rejects.toMatchObject({ fieldErrors: { id: expect.any(Array) } });
  });
});
