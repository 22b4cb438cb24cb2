import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import { PERMISSIONS, type Grant, type Permission } from "./permissions";

export type AuthzContext = {
  /** The team that owns the thing acted on (for member-of-team grants). */
  teamId?: string;
  /** The actor leads the owning team (for lead-of-team grants); use cases look it up. */
  isTeamLead?: boolean;
};

const roleGrant: Record<string, Grant> = {
  ENGINEER: "engineer",
  PRODUCT_MANAGER: "product-manager",
  CHANGE_MANAGER: "change-manager",
  ADMIN: "admin",
};

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
    case "token":
      return actor.kind === "TOKEN";
    case "operator":
      return actor.kind === "CLI" || actor.kind === "SYSTEM";
  }
}

export function can(actor: Actor, permission: Permission, context: AuthzContext = {}): boolean {
  const grants: readonly Grant[] = PERMISSIONS[permission];
  return grants.some((grant) => grantApplies(grant, actor, context));
}

export function authorize(actor: Actor, permission: Permission, context: AuthzContext = {}): void {
  if (!can(actor, permission, context)) throw forbidden();
}
