import type { Metadata } from "next";
import Link from "next/link";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { controlClasses } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { calendarRange, freezeCovers, onDay, type CalendarView } from "@/lib/changes/calendar";
import { calendarItems, changeListOptions } from "@/lib/changes/queries";
import { db } from "@/lib/db";
import { firstValues } from "@/lib/deployments/search-params";

export const metadata: Metadata = { title: "Change calendar" };

const HOUR = 3_600_000;
/** Deployments listed per day; the rest are a link to the deployments list for that day. */
const DEPLOYMENTS_PER_DAY = 5;
/** Changes and scoped freezes listed per day; a large organisation picks a service to see all of them. */
const CHANGES_PER_DAY = 8;
const SCOPED_FREEZES_PER_DAY = 3;

const scopeName = (freeze: { scope: string; service: { name: string } | null; team: { name: string } | null; domain: { name: string } | null }) => {
  const covers = freeze.scope === "ORGANISATION" ? null : (freeze.service ?? freeze.team ?? freeze.domain)?.name;
  return covers ? ` (${covers} only)` : "";
};

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const params = firstValues(await searchParams);
  const view: CalendarView = params.view === "month" ? "month" : "week";
  const parsed = params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? new Date(`${params.date}T00:00:00Z`) : new Date();
  const anchor = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
  const range = calendarRange(view, anchor);
  const serviceSlug = params.service && /^[a-z0-9-]{1,100}$/.test(params.service) ? params.service : undefined;
  const [items, options] = await Promise.all([calendarItems(db(), range.from, range.to, serviceSlug), changeListOptions(db(), { service: serviceSlug })]);
  const shown = items.service;
  const link = (date: string, nextView = view) => `/changes/calendar?${new URLSearchParams({ view: nextView, date, ...(shown ? { service: shown.slug } : {}) })}`;
  const anchorIso = anchor.toISOString().slice(0, 10);
  // With a service chosen, only the freezes that cover it; for the organisation, scoped ones are named with what they cover.
  const freezes = items.freezes.filter((freeze) => !shown || freezeCovers(freeze, shown));
  return (
    <>
      <PageHeader title="Change calendar" description={`Planned changes, freeze windows and production deployments (UTC)${shown ? ` of ${shown.name}` : ""}.`} />
      <ChangesTabs current="/changes/calendar" />
      <nav aria-label="Calendar navigation" className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <Link href={link(range.previous)} className="rounded-md border border-line px-2 py-1">← Previous</Link>
        <h2 className="text-base font-semibold">{range.title}</h2>
        <Link href={link(range.next)} className="rounded-md border border-line px-2 py-1">Next →</Link>
        <form method="get" action="/changes/calendar" className="flex items-end gap-2">
          <input type="hidden" name="view" value={view} />
          <input type="hidden" name="date" value={anchorIso} />
          <label className="flex items-center gap-2">
            <span className="font-medium">Service</span>
            {!options.servicesNarrowed || options.services.length ? (
              <select name="service" defaultValue={shown?.slug ?? ""} className={`${controlClasses} h-8 w-48`}>
                <option value="">The whole organisation</option>
                {options.services.map((option) => <option key={option.slug} value={option.slug}>{option.name}</option>)}
              </select>
            ) : <input name="service" defaultValue={shown?.slug ?? ""} placeholder="service slug" className={`${controlClasses} h-8 w-48`} />}
          </label>
          <Button type="submit" size="sm">Show</Button>
        </form>
        <span className="ml-auto flex gap-1">
          <Link href={link(anchorIso, "week")} aria-current={view === "week" ? "page" : undefined} className={cx("rounded-md px-2 py-1", view === "week" ? "bg-brand-600 text-white" : "border border-line")}>Week</Link>
          <Link href={link(anchorIso, "month")} aria-current={view === "month" ? "page" : undefined} className={cx("rounded-md px-2 py-1", view === "month" ? "bg-brand-600 text-white" : "border border-line")}>Month</Link>
        </span>
      </nav>
      <ol className="grid grid-cols-1 gap-px overflow-hidden rounded-lg border border-line bg-line md:grid-cols-7" aria-label={range.title}>
        {range.days.map((day) => {
          const dayFreezes = onDay(freezes, day, (freeze) => [freeze.startsAt, freeze.endsAt]);
          const frozen = dayFreezes.some((freeze) => freezeCovers(freeze, shown));
          // For the whole organisation: freezes on one service, team or domain are named, not painted.
          const scoped = dayFreezes.filter((freeze) => !freezeCovers(freeze, shown));
          const changes = onDay(items.changes, day, (change) => [change.plannedStart!, new Date(change.plannedStart!.getTime() + HOUR)]);
          const deployments = onDay(items.deployments, day, (deployment) => [deployment.startedAt, new Date(deployment.startedAt.getTime() + 1)]);
          const iso = day.toISOString().slice(0, 10);
          const more = `/deployments?${new URLSearchParams({ environment: "production", from: iso, to: iso, ...(shown ? { service: shown.slug } : {}) })}`;
          return (
            <li key={iso} className={cx("min-h-28 space-y-1 bg-surface p-2 text-xs", frozen && "bg-red-50 dark:bg-red-950/40")}>
              <div className="font-medium">{day.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })}</div>
              {dayFreezes.filter((freeze) => freezeCovers(freeze, shown)).map((freeze) => (
                <div key={freeze.id} className="rounded bg-red-100 px-1 text-red-900 dark:bg-red-900 dark:text-red-100">{`Freeze${scopeName(freeze)}: ${freeze.name}`}</div>
              ))}
              {scoped.slice(0, SCOPED_FREEZES_PER_DAY).map((freeze) => (
                <div key={freeze.id} className="rounded border border-red-300 px-1 text-red-900 dark:text-red-200">{`Freeze${scopeName(freeze)}: ${freeze.name}`}</div>
              ))}
              {scoped.length > SCOPED_FREEZES_PER_DAY ? <div className="text-red-900 dark:text-red-200">{`${scoped.length - SCOPED_FREEZES_PER_DAY} more freezes on single services, teams or domains: choose a service`}</div> : null}
              {changes.slice(0, CHANGES_PER_DAY).map((change) => (
                <a key={change.id} href={`/changes/${change.id}`} className="block truncate rounded bg-sky-100 px-1 text-sky-900 dark:bg-sky-900 dark:text-sky-100">
                  {`CHG-${change.number} ${change.service.slug} (${change.type.toLowerCase()}, ${change.state.toLowerCase()})`}
                </a>
              ))}
              {changes.length > CHANGES_PER_DAY ? <div className="text-fg-muted">{`${changes.length - CHANGES_PER_DAY} more planned changes: choose a service`}</div> : null}
              {deployments.length ? (
                <details>
                  <summary className="cursor-pointer text-fg-muted">{`${deployments.length} production deployment${deployments.length === 1 ? "" : "s"}`}</summary>
                  <ul>
                    {deployments.slice(0, DEPLOYMENTS_PER_DAY).map((deployment) => <li key={deployment.id}><a href={`/deployments/${deployment.id}`} className="underline">{`${deployment.service.slug} ${deployment.version}`}</a></li>)}
                    {deployments.length > DEPLOYMENTS_PER_DAY ? <li><a href={more} className="underline">{`All ${deployments.length} that day`}</a></li> : null}
                  </ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
