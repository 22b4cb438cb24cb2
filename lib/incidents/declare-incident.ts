// A person declares an incident in the portal (or the operator at the CLI). Anyone signed in may raise
// a minor one; a HIGH impact (a major incident, which tells every on-call team) is the incident
// manager's call.
import type { Actor } from "../auth/actor";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { organisationMoneyUnit } from "../settings/queries";
import { impactFromLoss } from "./impact";
import { openIncident, type OpenedIncident } from "./open-incident";
import { declareIncidentSchema } from "./schemas";

import { authorizeMajor } from "./authorize-major";

export async function declareIncident(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<OpenedIncident> {
  authorize(actor, "incidents.declare");
  const data = parseInput(declareIncidentSchema(await organisationMoneyUnit(prisma)), input);
  const opened = await prisma.$transaction(async (tx) => {
    const services = await tx.service.findMany({ where: { slug: { in: data.services } }, select: { id: true, slug: true, name: true, teamId: true, archivedAt: true } });
    const missing = data.services.filter((slug) => !services.some((service) => service.slug === slug && !service.archivedAt));
    if (missing.length) throw AppError.validation({ services: [`No live service has the slug ${missing.map((slug) => `"${slug}"`).join(", ")}.`] });
    for (const service of services) authorize(actor, "incidents.declare", { serviceId: service.id, teamId: service.teamId });
    const bands = data.impact ? [] : await tx.exposureBand.findMany({ select: { minLossPerHour: true, availabilityTarget: true } });
    const impact = data.impact ?? impactFromLoss(data.lossPerHour!, bands);
    if (impact === "HIGH") authorizeMajor(actor);
    const ordered = data.services.map((slug) => services.find((service) => service.slug === slug)!);
    return openIncident(tx, actor, { services: ordered, title: data.title, summary: data.summary, impact, lossPerHour: data.lossPerHour ?? null, source: "PORTAL", triggeredAt: now }, now);
  });
  await requestSeal(prisma);
  return opened;
}
