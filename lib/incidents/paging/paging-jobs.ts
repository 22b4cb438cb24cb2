// The paging jobs, driven by pg-boss at their due time and by the tests with an injected `now`:
// escalating an unacknowledged page, and paging a held incident when working hours begin. Each runs in
// one transaction that locks the incident row first (send-pages.ts), so running a job twice, or in two
// processes at once, sends each page once.
import { z } from "zod";
import type { Db } from "../../db";
import type { EventHandlerContext } from "../../events/subscribers";
import type { Prisma } from "../../generated/prisma/client.ts";
import { escalationDueAt, firstPagePlan, nextEscalation, type PageLevel } from "./escalation-rules";
import { hold } from "./on-incident-paging";
import { rotaFacts } from "./rota-facts";
import { lockIncident, roundSoFar, roundStands, sendPages } from "./send-pages";

export type EnqueueIn = (tx: Prisma.TransactionClient) => EventHandlerContext["enqueue"];

const ZEscalation = z.object({ incidentId: z.string().min(1), serviceId: z.string().min(1), roundStart: z.string().datetime(), step: z.number().int().min(1).max(3) });
const ZRelease = z.object({ incidentId: z.string().min(1), serviceId: z.string().min(1), heldUntil: z.string().datetime() });

export type EscalationOutcome = "escalated" | "early" | "ended" | "nobody" | "already";

/** Escalation `step` of a round: pages the next level up that has someone, unless someone acknowledged. */
export async function escalateIncident(db: Db, data: unknown, now: Date, enqueueIn: EnqueueIn): Promise<EscalationOutcome> {
  const job = ZEscalation.parse(data);
  const roundStart = new Date(job.roundStart);
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, job.incidentId);
    if (!incident || !(await roundStands(tx, incident, { serviceId: job.serviceId, roundStart }))) return "ended";
    const facts = await rotaFacts(tx, incident.serviceId, now);
    if (now < escalationDueAt(roundStart, job.step, facts.delays)) return "early";
    const round = await roundSoFar(tx, incident.id, roundStart);
    if (round.highestLevel < 0) return "ended";
    // This step already ran (a retry, or another process): the round has its first page and `step` escalations.
    if (round.levels > job.step) return "already";
    // Acknowledged pages end the round as the incident's status does (a page may be acknowledged on its own).
    const acknowledged = await tx.incidentPage.count({ where: { incidentId: incident.id, pagedAt: { gte: roundStart }, acknowledgedAt: { not: null } } });
    if (acknowledged > 0) return "ended";
    const pages = nextEscalation(facts, now, { highestLevel: round.highestLevel as PageLevel, pagedPersonIds: round.pagedPersonIds });
    if (!pages) return "nobody";
    const sent = await sendPages(tx, pages, { incidentId: incident.id, serviceId: incident.serviceId, roundStart, step: job.step, delays: facts.delays }, now, enqueueIn(tx));
    return sent.length ? "escalated" : "already";
  }, { timeout: 30_000, maxWait: 15_000 });
}

export type ReleaseOutcome = "paged" | "early" | "ended" | "held-again" | "already";

/** A held incident's first page, when working hours begin (unless someone picked it up meanwhile). */
export async function releaseHeldIncident(db: Db, data: unknown, now: Date, enqueueIn: EnqueueIn): Promise<ReleaseOutcome> {
  const job = ZRelease.parse(data);
  const heldUntil = new Date(job.heldUntil);
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, job.incidentId);
    if (!incident || incident.serviceId !== job.serviceId || incident.heldUntil?.getTime() !== heldUntil.getTime()) return incident?.heldUntil ? "ended" : "already";
    if (now < heldUntil) return "early";
    if (incident.status !== "TRIGGERED") {
      await tx.incident.update({ where: { id: incident.id }, data: { heldUntil: null }, select: { id: true } });
      return "ended";
    }
    const facts = await rotaFacts(tx, incident.serviceId, now);
    const plan = firstPagePlan(facts, now);
    if (plan.kind === "hold") {
      await hold(tx, incident, plan.until, plan.reason, facts.team.name, facts.teamSchedule?.hours.timeZone ?? facts.domainSchedule?.hours.timeZone ?? "Europe/London", now, enqueueIn(tx));
      return "held-again";
    }
    await tx.incident.update({ where: { id: incident.id }, data: { heldUntil: null }, select: { id: true } });
    const sent = await sendPages(tx, plan.pages, { incidentId: incident.id, serviceId: incident.serviceId, roundStart: now, step: 0, delays: facts.delays }, now, enqueueIn(tx));
    return sent.length ? "paged" : "already";
  }, { timeout: 30_000, maxWait: 15_000 });
}
