import { TreacleSignals } from "@/components/home/treacle-signals";
import { TextLink } from "@/components/ui/text-link";
import { targetLabel } from "@/lib/catalog/availability";
import type { SignalsOverview as Overview } from "@/lib/signals/queries";
import { LOAD_WEEKS, STUCK_AFTER_DAYS, THIN_ROTA_MIN_PEOPLE, UNFAIR_LOAD_RATIO, UNPLANNED_WEEKS, WORSE_RATIO } from "@/lib/signals/rules";
import { SignalCard } from "./signal-card";

const hours = (ms: number | null) => (ms === null ? "—" : ms < 48 * 3_600_000 ? `${(ms / 3_600_000).toFixed(1)} h` : `${(ms / 86_400_000).toFixed(1)} d`);
const times = (ratio: number | null) => (ratio === null ? "" : ` (${ratio.toFixed(1)}×)`);
const weeks = (counts: readonly number[]) => counts.join(" → ");

export function SignalsOverview({ signals }: { signals: Overview }) {
  const { inflated, rotas, unplanned, stuck, accountability } = signals;
  const inflatedShowing = inflated.allAtTop !== null || inflated.needlessTeamSchedules.length > 0;
  return (
    <div className="space-y-6">
      <SignalCard id="inflated-targets" title="Inflated targets" showing={inflatedShowing}
        description="Targets set above what the service's exposure asks for: every service at the top band, or team rotas for services whose targets call for the domain schedule or working hours."
        summary={inflatedShowing
          ? `${inflated.allAtTop ? `All ${inflated.allAtTop.services} services are at the top band's ${targetLabel(inflated.allAtTop.target)}. ` : ""}${inflated.needlessTeamSchedules.length} team schedule${inflated.needlessTeamSchedules.length === 1 ? "" : "s"} cover${inflated.needlessTeamSchedules.length === 1 ? "s" : ""} only services below 99.9%.`
          : "Targets differ across services, and every team rota covers a service of 99.9% or more."}>
        {inflated.allAtTop ? <p><TextLink href={`/services?target=${inflated.allAtTop.target}`}>Review the targets of the services</TextLink> against their exposure bands.</p> : null}
        {inflated.needlessTeamSchedules.length ? (
          <ul className="space-y-1">
            {inflated.needlessTeamSchedules.map((entry) => (
              <li key={entry.schedule.slug}>
                <TextLink href={`/oncall/${entry.schedule.slug}`}>{entry.schedule.name}</TextLink> of <TextLink href={`/teams/${entry.team.slug}`} className="font-normal">{entry.team.name}</TextLink>:{" "}
                {entry.services.map((s, index) => <span key={s.slug}>{index ? ", " : ""}<TextLink href={`/services/${s.slug}`} className="font-normal">{s.name}</TextLink> {targetLabel(s.target)}</span>)}
              </li>
            ))}
          </ul>
        ) : null}
      </SignalCard>

      <SignalCard id="thin-rotas" title="Thin rotas" showing={rotas.length > 0}
        description={`Live schedules with fewer than ${THIN_ROTA_MIN_PEOPLE} people, or where the busiest person carried ${UNFAIR_LOAD_RATIO}× the median's on-call hours over the last ${LOAD_WEEKS} weeks.`}
        summary={rotas.length ? `${rotas.length} schedule${rotas.length === 1 ? "" : "s"} flagged.` : "Every live schedule has enough people and a fair load."}>
        <ul className="space-y-1">
          {rotas.map((rota) => (
            <li key={rota.schedule.slug}>
              <TextLink href={`/oncall/${rota.schedule.slug}`}>{rota.schedule.name}</TextLink> ({rota.owner}): {rota.participants} {rota.participants === 1 ? "person" : "people"}
              {rota.thin ? " — too few" : ""}
              {rota.unfair ? `; busiest ${Math.round(rota.maxHours)} h against a median of ${Math.round(rota.medianHours ?? 0)} h${times(rota.ratio)}` : ""}
              {rota.people.length ? <span className="text-fg-muted"> · {rota.people.map((p) => `${p.name} ${p.hours} h`).join(", ")}</span> : null}
            </li>
          ))}
        </ul>
      </SignalCard>

      <TreacleSignals signals={signals.treacle} />

      <SignalCard id="unplanned-work" title="Excessive unplanned work" showing={unplanned.length > 0}
        description={`Per team over the last ${UNPLANNED_WEEKS} weeks: out-of-hours callouts and incident actions rising week on week (each of the last 3 weeks above the one before, or the last 4 weeks at least 1.5× the 4 before).`}
        summary={unplanned.length ? `${unplanned.length} team${unplanned.length === 1 ? "" : "s"} with unplanned work rising.` : "No team's callouts or incident actions are rising."}>
        <ul className="space-y-1">
          {unplanned.map((entry) => (
            <li key={entry.team.slug}>
              <TextLink href={`/teams/${entry.team.slug}`}>{entry.team.name}</TextLink>:{" "}
              {entry.calloutVerdict.rising ? <span>callouts {weeks(entry.callouts)} (last 4 weeks {entry.calloutVerdict.last4}, the 4 before {entry.calloutVerdict.previous4})</span> : null}
              {entry.calloutVerdict.rising && entry.actionVerdict.rising ? "; " : null}
              {entry.actionVerdict.rising ? <span>incident actions {weeks(entry.incidentActions)} (last 4 weeks {entry.actionVerdict.last4}, the 4 before {entry.actionVerdict.previous4})</span> : null}
            </li>
          ))}
        </ul>
      </SignalCard>

      <SignalCard id="stuck-actions" title="Stuck actions" showing={stuck.items.length > 0}
        description={`Review actions and incident actions open more than ${STUCK_AFTER_DAYS} days, and actions raised again in a later review.`}
        summary={stuck.items.length ? `${stuck.stuck} open more than ${STUCK_AFTER_DAYS} days; ${stuck.repeated} raised twice.` : "No action is stuck or repeated."}>
        <ul className="space-y-1">
          {stuck.items.map((item) => (
            <li key={item.id}>
              “{item.title}” — <TextLink href={`/teams/${item.team.slug}`} className="font-normal">{item.team.name}</TextLink>
              {item.owner ? `, ${item.owner}` : ", no owner"}
              {item.stuck ? `, open ${item.ageDays} days` : ""}
              {item.incident ? <> (from <TextLink href={`/incidents/${item.incident.id}`} className="font-normal">INC-{item.incident.number}</TextLink>)</> : null}
              {item.repeatOf ? <> — raised before as “{item.repeatOf.title}” after <TextLink href={`/incidents/${item.repeatOf.incident.id}`} className="font-normal">INC-{item.repeatOf.incident.number}</TextLink></> : null}
            </li>
          ))}
        </ul>
      </SignalCard>

      <SignalCard id="lost-accountability" title="Lost accountability" showing={accountability.length > 0}
        description={`A service moved to another team, and its production lead time or time to restore got at least ${WORSE_RATIO}× worse (medians of up to 60 days before and after the move).`}
        summary={accountability.length ? `${accountability.length} move${accountability.length === 1 ? "" : "s"} followed by worse delivery or recovery.` : "No ownership move was followed by worse lead time or time to restore."}>
        <ul className="space-y-1">
          {accountability.map((entry) => (
            <li key={`${entry.service.slug}-${entry.changedAt.toISOString()}`}>
              <TextLink href={`/services/${entry.service.slug}`}>{entry.service.name}</TextLink> moved from {entry.from ? <TextLink href={`/teams/${entry.from.slug}`} className="font-normal">{entry.from.name}</TextLink> : "no team"} to{" "}
              <TextLink href={`/teams/${entry.to.slug}`} className="font-normal">{entry.to.name}</TextLink> on {entry.changedAt.toISOString().slice(0, 10)}:{" "}
              {entry.leadTime.worse ? `lead time ${hours(entry.leadTime.beforeMs)} → ${hours(entry.leadTime.afterMs)}${times(entry.leadTime.ratio)}` : ""}
              {entry.leadTime.worse && entry.timeToRestore.worse ? "; " : ""}
              {entry.timeToRestore.worse ? `time to restore ${hours(entry.timeToRestore.beforeMs)} → ${hours(entry.timeToRestore.afterMs)}${times(entry.timeToRestore.ratio)}` : ""}
              {" "}· <TextLink href={`/deployments/metrics?service=${entry.service.slug}`} className="font-normal">DORA metrics</TextLink>
            </li>
          ))}
        </ul>
      </SignalCard>
    </div>
  );
}
