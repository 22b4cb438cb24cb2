import type { Role } from "../generated/prisma/enums.ts";

export const ROLES: readonly Role[] = ["ENGINEER", "PRODUCT_MANAGER", "CHANGE_MANAGER", "ADMIN"];

export const ROLE_LABEL: Record<Role, string> = {
  ENGINEER: "Engineer",
  PRODUCT_MANAGER: "Product manager",
  CHANGE_MANAGER: "Change manager",
  ADMIN: "Admin",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
