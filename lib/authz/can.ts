// The one authorize, for every caller: signed-in people, API tokens, the operator and the system.
// People are decided by their role and team (the matrix); tokens by the "token" grant, their scope and
// the service they act for (TOKEN_RULES). Pages, actions, route handlers and use cases all ask here.
import type { Actor } from "../auth/actor";
import { AppError, forbidden } from "../errors";
import { PERMISSIONS, TOKEN_RULES, type Grant, type Permission, type TokenRule } from "./permissions";

export type AuthzContext = {
  /** The team that owns the thing acted on (for member-of-team grants). */
  teamId?: string;
  /** The actor leads the owning team (for lead-of-team grants); use cases look it up. */
  isTeamLead?: boolean;
  /** The actor was paged for the incident or holds a role in it (for responder grants); use cases look it up. */
  isResponder?: boolean;
  /** The actor takes part in the post-incident review (for review-participant grants); use cases look it up. */
  isReviewParticipant?: boolean;
  /**
   * The service acted on, for tokens. Left out, only the role and the token's scope are checked: a
   * route handler declares its permission that way before it knows the service, and the use case asks
   * again with the service. `null`: the request spans services (a list across the organisation).
   */
  serviceId?: string | null;
};

const roleGrant: Record<string, Grant> = {
  ENGINEER: "engineer",
  PRODUCT_MANAGER: "product-manager",
  CHANGE_MANAGER: "change-manager",
  ADMIN: "admin",
};

export const ANOTHER_SERVICE = "This token acts for another service.";

function grantApplies(grant: Grant, actor: Actor, context: AuthzContext): boolean {
  switch (grant) {
    case "any-person":
      return actor.kind === "PERSON";
    case "engineer":
    case "product-manager":
    case "change-manager":
    case "admin":
      return actor.kind === "PERSON" && roleGrant[actor.role] === grant;
    case "member-of-team":
      return actor.kind === "PERSON" && context.teamId !== undefined && actor.teamIds.includes(context.teamId);
    case "lead-of-team":
      return actor.kind === "PERSON" && context.isTeamLead === true;
    case "product-manager-of-team":
      return actor.kind === "PERSON" && actor.role === "PRODUCT_MANAGER" && context.teamId !== undefined && actor.teamIds.includes(context.teamId);
    case "incident-manager":
      return actor.kind === "PERSON" && actor.isIncidentManager;
    case "responder":
      return actor.kind === "PERSON" && context.isResponder === true;
    case "review-participant":
      return actor.kind === "PERSON" && context.isReviewParticipant === true;
    case "token":
      return actor.kind === "TOKEN";
    case "operator":
      return actor.kind === "CLI" || actor.kind === "SYSTEM";
  }
}

const tokenRule = (permission: Permission): TokenRule | undefined => (TOKEN_RULES as Partial<Record<Permission, TokenRule>>)[permission];

/** The service a token is confined to for this permission, or null when it may act on every service. */
export function tokenServiceLimit(actor: Actor, permission: Permission): string | null {
  if (actor.kind !== "TOKEN" || actor.serviceId === null) return null;
  const rule = tokenRule(permission);
  if (rule?.services === "own, or all with catalog:read" && actor.scopes.includes("catalog:read")) return null;
  return actor.serviceId;
}

/** Why a token may not do this, or null when it may. */
function tokenRefusal(actor: Extract<Actor, { kind: "TOKEN" }>, permission: Permission, context: AuthzContext): AppError | null {
  const rule = tokenRule(permission);
  if (!rule) return forbidden("API tokens cannot do this.");
  if (rule.scope && !actor.scopes.includes(rule.scope)) return forbidden(`This token lacks the "${rule.scope}" scope.`);
  if (context.serviceId === undefined) return null;
  const limit = tokenServiceLimit(actor, permission);
  return limit === null || limit === context.serviceId ? null : forbidden(ANOTHER_SERVICE);
}

function refusal(actor: Actor, permission: Permission, context: AuthzContext): AppError | null {
  const grants: readonly Grant[] = PERMISSIONS[permission];
  if (!grants.some((grant) => grantApplies(grant, actor, context))) return forbidden();
  return actor.kind === "TOKEN" ? tokenRefusal(actor, permission, context) : null;
}

export function can(actor: Actor, permission: Permission, context: AuthzContext = {}): boolean {
  return refusal(actor, permission, context) === null;
}

export function authorize(actor: Actor, permission: Permission, context: AuthzContext = {}): void {
  const error = refusal(actor, permission, context);
  if (error) throw error;
}

/**
 * For a service named by the caller (a slug in the path or the body). A token confined to its own
 * service gets the same answer for a slug that does not exist as for another service's, so it cannot
 * learn which slugs exist; everyone else learns that the service is missing.
 */
export function authorizeNamedService<S extends { id: string; teamId?: string }>(
  actor: Actor,
  permission: Permission,
  service: S | null | undefined,
  missing: () => AppError,
): asserts service is S {
  if (!service) {
    authorize(actor, permission);
    if (tokenServiceLimit(actor, permission) !== null) throw forbidden(ANOTHER_SERVICE);
    throw missing();
  }
  authorize(actor, permission, { serviceId: service.id, teamId: service.teamId });
}
