// The navigation's icons, rendered on the server and handed to the client nav as elements, so the
// icon code is not part of every page's JavaScript.
import { BookOpenText, GraduationCap, Boxes, CalendarClock, GitPullRequestArrow, House, Rocket, ScrollText, Settings, Siren, UserRound, Users, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { NavIcon } from "./nav-items";

const ICONS: Record<NavIcon, LucideIcon> = {
  home: House,
  services: Boxes,
  runbooks: BookOpenText,
  // Not a bell: the bell in the top bar is the notifications inbox.
  oncall: CalendarClock,
  incidents: Siren,
  reviews: GraduationCap,
  teams: Users,
  people: UserRound,
  audit: ScrollText,
  settings: Settings,
  deployments: Rocket,
  changes: GitPullRequestArrow,
};

export const NAV_ICONS = Object.fromEntries(
  Object.entries(ICONS).map(([name, Icon]) => [name, <Icon key={name} aria-hidden="true" className="size-4 shrink-0 xl:max-2xl:hidden" />]),
) as Record<NavIcon, ReactNode>;
