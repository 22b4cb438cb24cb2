// Reads for the admin's team forms.
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";

export async function teamForEdit(prisma: Db, actor: Actor, slug: string) {
  authorize(actor, "teams.manage");
  return prisma.team.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, description: true, domainId: true, chatChannel: true,
      members: {
        orderBy: [{ isLead: "desc" }, { person: { name: "asc" } }],
        select: { isLead: true, person: { select: { id: true, name: true, email: true } } },
      },
    },
  });
}

export async function domainOptions(prisma: Db) {
  return prisma.domain.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Active people, for the "add member" picker. */
export async function activePeopleOptions(prisma: Db, actor: Actor) {
  authorize(actor, "teams.manage");
  return prisma.person.findMany({ where: { deactivatedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
