// A responder acknowledges, mitigates, resolves, closes or reopens an incident from its page.
import type { Actor } from "../auth/actor";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { parseInput } from "../errors";
import type { IncidentStatus } from "../generated/prisma/enums.ts";
import { incidentForResponse } from "./incident-access";
import { moveIncident, type MoveResult } from "./move-incident";
import { ZChangeIncidentStatus } from "./schemas";

const TARGET: Record<(typeof ZChangeIncidentStatus)["shape"]["action"]["options"][number], IncidentStatus> = {
  acknowledge: "ACKNOWLEDGED",
  mitigate: "MITIGATED",
  resolve: "RESOLVED",
  close: "CLOSED",
  reopen: "TRIGGERED",
};

export async function changeIncidentStatus(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<MoveResult> {
  const data = parseInput(ZChangeIncidentStatus, input);
  const result = await prisma.$transaction(async (tx) => {
    await incidentForResponse(tx, actor, data.incidentId);
    return moveIncident(tx, actor, data.incidentId, TARGET[data.action], now, data.note);
  });
  await requestSeal(prisma);
  return result;
}
