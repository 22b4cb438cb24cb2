// Creating and editing a team share their validation, so they live together.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db, DbTx } from "../db";
import { AppError, conflict, isUniqueViolation, notFound, parseInput } from "../errors";
import { ZTeamInput } from "./schemas";
import { teamSnapshotSelect } from "./team-snapshot";

async function checkDomain(tx: DbTx, domainId: string | null) {
  if (domainId && !(await tx.domain.findUnique({ where: { id: domainId }, select: { id: true } }))) {
    throw AppError.validation({ domainId: ["Choose a domain from the list."] });
  }
}

function slugTaken(error: unknown, slug: string): never {
  if (isUniqueViolation(error)) throw conflict(`The slug "${slug}" is taken.`, { slug: ["Another team already uses this slug."] });
  throw error;
}

export async function createTeam(prisma: Db, actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(actor, "teams.manage");
  const data = parseInput(ZTeamInput, input);
  try {
    const team = await prisma.$transaction(async (tx) => {
      await checkDomain(tx, data.domainId);
      const created = await tx.team.create({ data, select: teamSnapshotSelect });
      await recordAuditEvent(tx, actor, { action: "team.create", entityType: "Team", entityId: created.id, after: created });
      return created;
    });
    await requestSeal(prisma);
    return team;
  } catch (error) {
    slugTaken(error, data.slug);
  }
}

export async function updateTeam(prisma: Db, actor: Actor, slug: string, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(actor, "teams.manage");
  const data = parseInput(ZTeamInput, input);
  try {
    const team = await prisma.$transaction(async (tx) => {
      const before = await tx.team.findUnique({ where: { slug }, select: teamSnapshotSelect });
      if (!before) throw notFound("The team");
      await checkDomain(tx, data.domainId);
      const after = await tx.team.update({ where: { id: before.id }, data, select: teamSnapshotSelect });
      await recordAuditEvent(tx, actor, { action: "team.update", entityType: "Team", entityId: after.id, before, after });
      return after;
    });
    await requestSeal(prisma);
    return team;
  } catch (error) {
    slugTaken(error, data.slug);
  }
}
