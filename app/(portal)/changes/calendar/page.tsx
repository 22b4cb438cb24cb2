import type { Metadata } from "next";
import Link from "next/link";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { cx } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { calendarRange, onDay, type CalendarView } from "@/lib/changes/calendar";
import { calendarItems } from "@/lib/changes/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Change calendar" };

const HOUR = 3_600_000;

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const params = await searchParams;
  const view: CalendarView = params.view === "month" ? "month" : "week";
  const parsed = params.date ? new Date(`${params.date}T00:00:00Z`) : new Date();
  const anchor = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
  const range = calendarRange(view, anchor);
  const items = await calendarItems(db(), range.from, range.to);
  const link = (date: string, nextView = view) => `/changes/calendar?${new URLSearchParams({ view: nextView, date })}`;
  const anchorIso = anchor.toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="Change calendar" description="Planned changes, freeze windows and production deployments (UTC)." />
      <ChangesTabs current="/changes/calendar" />
      <nav aria-label="Calendar navigation" className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <Link href={link(range.previous)} className="rounded-md border border-line px-2 py-1">← Previous</Link>
        <h2 className="text-base font-semibold">{range.title}</h2>
        <Link href={link(range.next)} className="rounded-md border border-line px-2 py-1">Next →</Link>
        <span className="ml-auto flex gap-1">
          <Link href={link(anchorIso, "week")} aria-current={view === "week" ? "page" : undefined} className={cx("rounded-md px-2 py-1", view === "week" ? "bg-brand-600 text-white" : "border border-line")}>Week</Link>
          <Link href={link(anchorIso, "month")} aria-current={view === "month" ? "page" : undefined} className={cx("rounded-md px-2 py-1", view === "month" ? "bg-brand-600 text-white" : "border border-line")}>Month</Link>
        </span>
      </nav>
      <ol className="grid grid-cols-1 gap-px overflow-hidden rounded-lg border border-line bg-line md:grid-cols-7" aria-label={range.title}>
        {range.days.map((day) => {
          const freezes = onDay(items.freezes, day, (freeze) => [freeze.startsAt, freeze.endsAt]);
          const changes = onDay(items.changes, day, (change) => [change.plannedStart!, new Date(change.plannedStart!.getTime() + HOUR)]);
          const deployments = onDay(items.deployments, day, (deployment) => [deployment.startedAt, new Date(deployment.startedAt.getTime() + 1)]);
          return (
            <li key={day.toISOString()} className={cx("min-h-28 space-y-1 bg-surface p-2 text-xs", freezes.length > 0 && "bg-red-50 dark:bg-red-950/40")}>
              <div className="font-medium">{day.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })}</div>
              {freezes.map((freeze) => <div key={freeze.id} className="rounded bg-red-100 px-1 text-red-900 dark:bg-red-900 dark:text-red-100">Freeze: {freeze.name}</div>)}
              {changes.map((change) => (
                <Link key={change.id} href={`/changes/${change.id}`} className="block truncate rounded bg-sky-100 px-1 text-sky-900 dark:bg-sky-900 dark:text-sky-100" title={change.summary}>
                  CHG-{change.number} {change.service.slug} ({change.type.toLowerCase()}, {change.state.toLowerCase()})
                </Link>
              ))}
              {deployments.length ? (
                <details>
                  <summary className="cursor-pointer text-fg-muted">{deployments.length} production deployment{deployments.length === 1 ? "" : "s"}</summary>
                  <ul>{deployments.slice(0, 20).map((deployment) => <li key={deployment.id}><Link href={`/deployments/${deployment.id}`} className="underline">{deployment.service.slug} {deployment.version}</Link></li>)}</ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
