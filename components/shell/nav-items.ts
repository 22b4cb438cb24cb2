// The primary navigation as data: what each role sees first. Only pages that exist get an entry.
import type { PersonActor } from "@/lib/auth/actor";
import { can } from "@/lib/authz/can";

/** Icon names rather than components, so the list can cross from the server shell to the client nav. */
export type NavIcon = "home" | "services" | "oncall" | "runbooks" | "deployments" | "changes" | "notifications" | "teams" | "people" | "audit";

export type NavItem = { href: string; label: string; icon: NavIcon };

const ITEMS = {
  home: { href: "/", label: "Home", icon: "home" },
  services: { href: "/services", label: "Services", icon: "services" },
  runbooks: { href: "/runbooks", label: "Runbooks", icon: "runbooks" },
  oncall: { href: "/oncall", label: "On-call", icon: "oncall" },
  teams: { href: "/teams", label: "Teams", icon: "teams" },
  people: { href: "/people", label: "People", icon: "people" },
  audit: { href: "/audit", label: "Audit trail", icon: "audit" },
  deployments: { href: "/deployments", label: "Deployments", icon: "deployments" },
  changes: { href: "/changes", label: "Changes", icon: "changes" },
  notifications: { href: "/notifications", label: "Notifications", icon: "notifications" },
} as const satisfies Record<string, NavItem>;

type ItemKey = keyof typeof ITEMS;

const ORDER_BY_ROLE: Record<PersonActor["role"], readonly ItemKey[]> = {
  ENGINEER: ["home", "services", "oncall", "runbooks", "deployments", "changes", "teams", "people", "audit"],
  PRODUCT_MANAGER: ["home", "services", "deployments", "changes", "oncall", "runbooks", "teams", "people", "audit"],
  CHANGE_MANAGER: ["home", "changes", "notifications", "deployments", "audit", "services", "oncall", "runbooks", "teams", "people"],
  ADMIN: ["home", "people", "teams", "services", "oncall", "runbooks", "deployments", "changes", "audit"],
};

export function navItemsFor(person: PersonActor): NavItem[] {
  return ORDER_BY_ROLE[person.role]
    .filter((key) => key !== "audit" || can(person, "audit.read"))
    .map((key) => ({ ...ITEMS[key] }));
}

/** "/" only matches itself; other entries also match their sub-pages (/teams/payments is under Teams). */
export function isCurrent(href: string, pathname: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
