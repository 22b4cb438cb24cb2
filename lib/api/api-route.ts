// A route handler of the public API declares the permission it needs; the caller (a token or a
// session) is resolved and checked for its role and token scope before the handler reads anything.
// The use case checks the service binding once it knows the service (lib/authz/can.ts).
import type { Actor } from "../auth/actor";
import { apiActor } from "../auth/session";
import { authorize } from "../authz/can";
import type { Permission } from "../authz/permissions";
import { handleApi } from "./handle-api";

export function apiRoute<C = unknown>(permission: Permission, handler: (actor: Actor, request: Request, context: C) => Promise<Response>) {
  return handleApi(async (request: Request, context: C) => {
    const actor = await apiActor();
    authorize(actor, permission);
    return handler(actor, request, context);
  });
}
