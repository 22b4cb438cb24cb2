import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export type Stat = { label: string; value: number | string; detail?: ReactNode; href?: string };

/** Key figures as a description list, so each number is read out with its label. */
export function StatList({ stats, label, className }: { stats: Stat[]; label: string; className?: string }) {
  return (
    <dl aria-label={label} className={cx("grid grid-cols-2 gap-3 lg:grid-cols-4", className)}>
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-lg border border-line bg-surface px-4 py-3 shadow-xs">
          <dt className="text-sm text-fg-muted">
            {stat.href ? (
              <Link href={stat.href} className="underline-offset-2 hover:text-fg hover:underline">
                {stat.label}
              </Link>
            ) : (
              stat.label
            )}
          </dt>
          <dd className="mt-1 text-2xl font-semibold text-fg tabular-nums">{stat.value}</dd>
          {stat.detail ? <dd className="mt-0.5 text-xs text-fg-muted">{stat.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
