import Link from "next/link";
import { cx } from "@/components/ui/cx";

const TABS = [
  { href: "/deployments", label: "History" },
  { href: "/deployments/environments", label: "Environments" },
  { href: "/deployments/metrics", label: "DORA metrics" },
  { href: "/deployments/api", label: "Pipeline API" },
] as const;

/** The deployments area's sections; the current one is marked for screen readers too. */
export function DeploymentsTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Deployments sections" className="mb-6 flex flex-wrap gap-1 border-b border-line">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cx(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.href === current ? "border-brand-600 text-fg" : "border-transparent text-fg-muted hover:text-fg",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
