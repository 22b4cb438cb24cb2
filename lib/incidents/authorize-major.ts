import type { Actor } from "../auth/actor";
import { can } from "../authz/can";
import { AppError } from "../errors";

export const MAJOR_NEEDS_MANAGER = "Only incident managers declare a major (HIGH impact) incident. Choose MEDIUM, or ask an incident manager.";

/** Refuses a HIGH impact from anyone but an incident manager (or the operator), on the impact field. */
export function authorizeMajor(actor: Actor): void {
  if (!can(actor, "incidents.declare-major")) throw new AppError("FORBIDDEN", MAJOR_NEEDS_MANAGER, { impact: [MAJOR_NEEDS_MANAGER] });
}
