import { DateTime } from "luxon";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import type { DaySegment } from "@/lib/oncall/calendar";
import type { PersonRef } from "@/lib/oncall/queries";
import type { DayKind, WorkingHours } from "@/lib/oncall/working-hours";

const KIND_LABEL = { COVER: "cover", SWAP: "swap", TAKE_NOW: "took over", ASSIGNED: "assigned" } as const;

type Props = {
  days: Map<string, DaySegment[]>;
  dayKinds: Map<string, DayKind>;
  hours: WorkingHours;
  people: Map<string, PersonRef>;
  zone: string;
  leave: { id: string; personId: string; startsAt: Date; endsAt: Date; person: { name: string } }[];
  today: string;
};

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/**
 * Week or month of days, as a list (each day a heading and who is on call when): a grid role would
 * promise arrow-key navigation between cells that a page of text does not need. Seven columns from
 * sm up. Overrides, leave clashes and holidays are marked in words, not only colour.
 */
export function ScheduleCalendar({ days, dayKinds, hours, people, zone, leave, today }: Props) {
  const name = (id: string | null) => (id ? (people.get(id)?.name ?? "Unknown") : "");
  const workingHours = `${clock(hours.workdayStartMinute)}–${clock(hours.workdayEndMinute)}`;
  return (
    <ol aria-label="On-call calendar" className="grid grid-cols-1 gap-px overflow-hidden rounded-md border border-line bg-line sm:grid-cols-7">
      {[...days.entries()].map(([day, segments]) => {
        const date = DateTime.fromISO(day, { zone });
        const kind = dayKinds.get(day) ?? "WORKDAY";
        const dayLeave = leave.filter((entry) => entry.startsAt < date.plus({ days: 1 }).toJSDate() && entry.endsAt > date.toJSDate());
        return (
          <li
            key={day}
            data-day={day}
            data-day-kind={kind.toLowerCase()}
            aria-current={day === today ? "date" : undefined}
            className={cx("min-h-28 space-y-1 p-2 text-xs", kind === "WORKDAY" ? "bg-surface" : "bg-surface-muted/60 dark:bg-surface-muted/40", day === today && "ring-2 ring-brand-500 ring-inset")}
          >
            <h3 className="font-medium text-fg">
              {date.toFormat("ccc d LLL")}
              {day === today ? <span className="sr-only"> (today)</span> : null}
            </h3>
            {kind === "HOLIDAY" ? <Badge tone="info">Public holiday: on call all day</Badge> : null}
            {kind === "WORKDAY" ? <p className="text-fg-muted" data-testid="in-hours">{workingHours} in hours: the team</p> : null}
            {segments.map((segment) => (
              <p
                key={segment.key}
                data-testid="calendar-segment"
                className={cx("rounded px-1 py-0.5", segment.source === "OVERRIDE" ? "bg-amber-50 dark:bg-amber-950" : "bg-surface-muted", segment.onLeave && "ring-1 ring-red-500")}
              >
                <span className="text-fg-muted">{segment.from}–{segment.to}</span>{" "}
                <span className="font-medium">{name(segment.personId)}</span>
                {segment.layer === "SECONDARY" ? <span className="text-fg-muted"> (secondary)</span> : null}
                {segment.source === "OVERRIDE" && segment.overrideKind ? (
                  <> <Badge tone="warning">{KIND_LABEL[segment.overrideKind]}{segment.rotationPersonId && segment.rotationPersonId !== segment.personId ? ` for ${name(segment.rotationPersonId)}` : ""}</Badge></>
                ) : null}
                {segment.onLeave ? <> <Badge tone="danger">on leave</Badge></> : null}
              </p>
            ))}
            {dayLeave.map((entry) => (
              <p key={entry.id} className="text-fg-muted" data-testid="calendar-leave">Leave: {entry.person.name}</p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
