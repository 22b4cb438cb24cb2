import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";

export const ONCALL_READ_SCOPE = "oncall:read";

/** Tokens read on-call only with the oncall:read scope; people and the operator need none. */
export function requireOnCallScope(actor: Actor): void {
  if (actor.kind === "TOKEN" && !actor.scopes.includes(ONCALL_READ_SCOPE)) throw forbidden(`This token lacks the ${ONCALL_READ_SCOPE} scope.`);
}
