// The primary navigation as data. One order for every role, grouped by the journeys of the operating
// model, so a person moving between roles (or helping a colleague) finds things in the same place.
import type { PersonActor } from "@/lib/auth/actor";
import { can } from "@/lib/authz/can";

/** Icon names rather than components, so the list can cross from the server shell to the client nav. */
export type NavIcon = "home" | "services" | "oncall" | "incidents" | "reviews" | "runbooks" | "deployments" | "changes" | "teams" | "people" | "audit" | "settings";

export type NavItem = { href: string; label: string; icon: NavIcon };
export type NavGroup = { label: string; items: NavItem[] };

const ITEMS = {
  home: { href: "/", label: "Home", icon: "home" },
  services: { href: "/services", label: "Services", icon: "services" },
  runbooks: { href: "/runbooks", label: "Runbooks", icon: "runbooks" },
  oncall: { href: "/oncall", label: "On-call", icon: "oncall" },
  incidents: { href: "/incidents", label: "Incidents", icon: "incidents" },
  // The learning library: post-incident reviews published to the whole organisation.
  reviews: { href: "/reviews", label: "Reviews", icon: "reviews" },
  deployments: { href: "/deployments", label: "Deployments", icon: "deployments" },
  changes: { href: "/changes", label: "Changes", icon: "changes" },
  teams: { href: "/teams", label: "Teams", icon: "teams" },
  people: { href: "/people", label: "People", icon: "people" },
  // "Audit", not "Audit trail": an admin's twelve entries must fit one row at 1280 px.
  audit: { href: "/audit", label: "Audit", icon: "audit" },
  settings: { href: "/settings", label: "Settings", icon: "settings" },
} as const satisfies Record<string, NavItem>;

type ItemKey = keyof typeof ITEMS;

/** Build and run what you own; change it safely; the organisation around it. */
const GROUPS: readonly { label: string; keys: readonly ItemKey[] }[] = [
  { label: "Start", keys: ["home"] },
  { label: "Build and run", keys: ["services", "runbooks", "oncall", "incidents", "reviews"] },
  { label: "Change", keys: ["deployments", "changes"] },
  { label: "Organisation", keys: ["teams", "people", "audit", "settings"] },
];

/** Entries only some may open; the rest are for everyone signed in. Hidden entries leave the order as it is. */
const PERMISSION_OF: Partial<Record<ItemKey, Parameters<typeof can>[1]>> = { audit: "audit.read", settings: "organisation.settings" };

function mayOpen(person: PersonActor, key: ItemKey): boolean {
  const permission = PERMISSION_OF[key];
  return !permission || can(person, permission);
}

export function navGroupsFor(person: PersonActor): NavGroup[] {
  return GROUPS.map(({ label, keys }) => ({
    label,
    items: keys.filter((key) => mayOpen(person, key)).map((key) => ({ ...ITEMS[key] })),
  })).filter((group) => group.items.length > 0);
}

/** "/" only matches itself; other entries also match their sub-pages (/teams/payments is under Teams). */
export function isCurrent(href: string, pathname: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** "Notifications, 3 unread": the bell's accessible name, so a screen reader hears the count too. */
export function notificationsLabel(unread: number): string {
  return unread === 0 ? "Notifications" : `Notifications, ${unread > 99 ? "more than 99" : unread} unread`;
}
