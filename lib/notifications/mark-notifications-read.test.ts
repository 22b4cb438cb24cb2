import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPerson } from "../../prisma/seed/factories";
import { actorFor, testDb } from "../../test/helpers";
import { listNotifications, unreadCount } from "./queries";
import { markNotificationsRead } from "./mark-notifications-read";

const db = testDb;

describe("markNotificationsRead", () => {
  it("marks only the person's own notifications", async () => {
    const me = await createPerson(db(), { role: "CHANGE_MANAGER" });
    const other = await createPerson(db(), { role: "CHANGE_MANAGER" });
    await db().notification.createMany({
      data: [me, me, other].map((person, index) => ({ id: randomUUID(), personId: person.id, kind: "test", title: `n${index}` })),
    });
    expect(await markNotificationsRead(db(), actorFor(me))).toBe(2);
    expect(await unreadCount(db(), me.id)).toBe(0);
    expect(await unreadCount(db(), other.id)).toBe(1);
    expect((await listNotifications(db(), me.id)).every((n) => n.readAt !== null)).toBe(true);
    expect(await markNotificationsRead(db(), actorFor(me))).toBe(0);
  });
});
