import { ArrowRight, CalendarClock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { OnCallSummary } from "@/lib/home/oncall-summary";
import { formatInZone } from "@/lib/oncall/calendar";
import type { UpcomingShift } from "@/lib/oncall/views";

const layerWord = (shift: UpcomingShift) => (shift.layer === "PRIMARY" ? "primary" : "secondary");

function ScheduleLink({ shift }: { shift: UpcomingShift }) {
  return <TextLink href={`/oncall/${shift.scheduleSlug}`}>{shift.scheduleName}</TextLink>;
}

/** On call now (and in which role), then the next shifts on every schedule, in each schedule's own zone. */
export function OnCallCard({ onCall }: { onCall: OnCallSummary }) {
  return (
    <Card aria-labelledby="my-oncall-heading">
      <CardHeader
        titleId="my-oncall-heading"
        title="Your on-call"
        actions={<ButtonLink href="/oncall/me" size="sm" variant="ghost">My shifts<ArrowRight aria-hidden="true" /></ButtonLink>}
      />
      <CardContent className="space-y-4 text-sm">
        {onCall.current.length ? (
          <ul className="space-y-2" data-testid="on-call-now">
            {onCall.current.map((shift) => (
              <li key={`${shift.scheduleId}-${shift.layer}`} className="flex flex-wrap items-center gap-2">
                <Badge tone={shift.layer === "PRIMARY" ? "danger" : "warning"}>On call now · {layerWord(shift)}</Badge>
                <span><ScheduleLink shift={shift} /> until {formatInZone(shift.end, shift.timeZone)} ({shift.timeZone})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-fg-muted" data-testid="on-call-now">You are not on call right now.</p>
        )}
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-fg-muted uppercase">Next shifts</h3>
          {onCall.next.length ? (
            <ul className="space-y-1" data-testid="next-shifts">
              {onCall.next.map((shift) => (
                <li key={`${shift.scheduleId}-${shift.layer}-${shift.start.toISOString()}`}>
                  <CalendarClock aria-hidden="true" className="mr-1 inline size-4 text-fg-muted" />
                  {formatInZone(shift.start, shift.timeZone)} – {formatInZone(shift.end, shift.timeZone)}: <ScheduleLink shift={shift} />
                  {shift.layer === "SECONDARY" ? " (secondary)" : ""}
                  {shift.onLeave ? <> <Badge tone="danger">clashes with your leave</Badge></> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-fg-muted">No shifts in the next eight weeks.</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
