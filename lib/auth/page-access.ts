// Page-level authorisation: a refused permission renders app/forbidden.tsx with HTTP 403.
import { forbidden } from "next/navigation";
import type { Actor } from "./actor";
import { can, type AuthzContext } from "../authz/can";
import type { Permission } from "../authz/permissions";

export function requirePermission(actor: Actor, permission: Permission, context: AuthzContext = {}): void {
  if (!can(actor, permission, context)) forbidden();
}
