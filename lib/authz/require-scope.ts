// Token actors carry scopes and act for one service. Persons and the operator are governed by the
// permission matrix alone; this check comes on top of `authorize` for tokens.
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import type { TokenScope } from "../tokens/schemas";

/**
 * Throws FORBIDDEN when a token lacks `scope`, or acts for another service than `serviceId`.
 * A token without a service (organisation-wide, made by an admin) may act for any service.
 * Pass `serviceId: null` when the request names no service (e.g. a list across services).
 */
export function requireScope(actor: Actor, scope: TokenScope, serviceId: string | null): void {
  if (actor.kind !== "TOKEN") return;
  if (!actor.scopes.includes(scope)) throw forbidden(`This token lacks the "${scope}" scope.`);
  if (actor.serviceId !== null && serviceId !== actor.serviceId) {
    throw forbidden("This token acts for another service.");
  }
}
