import Link from "next/link";
import { cx } from "@/components/ui/cx";

const TABS = [
  { href: "/changes", label: "Changes" },
  { href: "/changes/cab", label: "CAB agenda" },
  { href: "/changes/calendar", label: "Calendar" },
  { href: "/changes/patterns", label: "Deployment patterns" },
  { href: "/changes/freezes", label: "Freeze windows" },
  { href: "/changes/checks", label: "Required checks" },
  { href: "/changes/flags", label: "Flagged deployments" },
] as const;

export function ChangesTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Change management sections" className="mb-6 flex flex-wrap gap-1 border-b border-line">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cx("-mb-px border-b-2 px-3 py-2 text-sm font-medium", tab.href === current ? "border-brand-600 text-fg" : "border-transparent text-fg-muted hover:text-fg")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
