import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { onCallLevel } from "../catalog/availability";
import type { Db, DbTx } from "../db";
import { AppError, parseInput } from "../errors";
import type { LoadedSchedule } from "./queries";
import { ZArchiveScheduleInput } from "./schemas";
import { authorizeSchedule, loadScheduleForUseCase } from "./schedule-access";

/** Live services whose out-of-hours cover comes from this schedule (their target asks for its kind). */
export async function servicesRelyingOn(tx: DbTx, schedule: Pick<LoadedSchedule, "kind" | "teamId" | "domainId">): Promise<{ slug: string; name: string }[]> {
  const services = await tx.service.findMany({
    where: { archivedAt: null, team: schedule.teamId ? { id: schedule.teamId } : { domainId: schedule.domainId ?? "-" } },
    select: { slug: true, name: true, availabilityTarget: true },
    orderBy: { name: "asc" },
  });
  return services.filter((service) => onCallLevel(service.availabilityTarget).level === schedule.kind).map(({ slug, name }) => ({ slug, name }));
}

/**
 * Archives a schedule: it covers nothing from now, pending requests are cancelled, and a new schedule
 * may take its place. Past shifts stay for the pay report. Refused while services rely on it for
 * out-of-hours cover, unless the person confirms they are leaving them uncovered.
 */
export async function archiveSchedule(prisma: Db, actor: Actor, scheduleId: string, input: unknown, now = new Date()): Promise<{ uncovered: string[] }> {
  const data = parseInput(ZArchiveScheduleInput, input);
  const result = await prisma.$transaction(async (tx) => {
    const { schedule, facts } = await loadScheduleForUseCase(tx, scheduleId, now, now);
    authorizeSchedule(actor, "oncall.schedules.manage", facts);
    const relying = await servicesRelyingOn(tx, schedule);
    if (relying.length > 0 && !data.confirmUncovered) {
      const names = relying.slice(0, 5).map((service) => service.name).join(", ") + (relying.length > 5 ? ` and ${relying.length - 5} more` : "");
      const message = `${relying.length} service${relying.length === 1 ? "" : "s"} rely on this schedule for out-of-hours cover (${names}); archiving leaves them with nobody on call.`;
      throw AppError.validation({ confirmUncovered: [`${message} Tick the box to archive anyway.`] }, message);
    }
    const cancelled = await tx.onCallRequest.updateMany({ where: { scheduleId, status: "PENDING" }, data: { status: "CANCELLED", decidedAt: now } });
    await tx.onCallSchedule.update({ where: { id: scheduleId }, data: { archivedAt: now }, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: "oncall-schedule.archive",
      entityType: "OnCallSchedule",
      entityId: scheduleId,
      before: { archivedAt: null },
      after: { archivedAt: now, uncoveredServices: relying.map((service) => service.slug), cancelledRequests: cancelled.count },
    });
    return { uncovered: relying.map((service) => service.slug) };
  });
  await requestSeal(prisma);
  return result;
}
