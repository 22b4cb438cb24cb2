// Team membership, managed by admins: add someone (or change whether they lead), or remove them.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { ZMembershipInput } from "./schemas";

export const membershipEntityId = (teamId: string, personId: string) => `${teamId}:${personId}`;

export async function setTeamMembership(prisma: Db, actor: Actor, teamSlug: string, input: unknown): Promise<void> {
  authorize(actor, "teams.manage");
  const { personId, isLead } = parseInput(ZMembershipInput, input);
  await prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { slug: teamSlug }, select: { id: true } });
    if (!team) throw notFound("The team");
    const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, deactivatedAt: true } });
    if (!person) throw AppError.validation({ personId: ["Choose a person from the list."] });
    if (person.deactivatedAt) throw AppError.validation({ personId: ["This person is deactivated."] });
    const key = { teamId_personId: { teamId: team.id, personId } };
    const before = await tx.teamMembership.findUnique({ where: key, select: { teamId: true, personId: true, isLead: true } });
    const after = await tx.teamMembership.upsert({
      where: key,
      create: { teamId: team.id, personId, isLead },
      update: { isLead },
      select: { teamId: true, personId: true, isLead: true },
    });
    await recordAuditEvent(tx, actor, {
      action: before ? "team-membership.update" : "team-membership.create",
      entityType: "TeamMembership",
      entityId: membershipEntityId(team.id, personId),
      before,
      after,
    });
  });
  await requestSeal(prisma);
}

export async function removeTeamMember(prisma: Db, actor: Actor, teamSlug: string, personId: string): Promise<void> {
  authorize(actor, "teams.manage");
  await prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { slug: teamSlug }, select: { id: true } });
    if (!team) throw notFound("The team");
    const key = { teamId_personId: { teamId: team.id, personId } };
    const before = await tx.teamMembership.findUnique({ where: key, select: { teamId: true, personId: true, isLead: true } });
    if (!before) throw notFound("That membership");
    await tx.teamMembership.delete({ where: key });
    await recordAuditEvent(tx, actor, {
      action: "team-membership.delete",
      entityType: "TeamMembership",
      entityId: membershipEntityId(team.id, personId),
      before,
    });
  });
  await requestSeal(prisma);
}
