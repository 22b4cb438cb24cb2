import { DateTime } from "luxon";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import type { DaySegment } from "@/lib/oncall/calendar";
import type { PersonRef } from "@/lib/oncall/queries";

const KIND_LABEL = { COVER: "cover", SWAP: "swap", TAKE_NOW: "took over", ASSIGNED: "assigned" } as const;

type Props = {
  days: Map<string, DaySegment[]>;
  people: Map<string, PersonRef>;
  zone: string;
  leave: { id: string; personId: string; startsAt: Date; endsAt: Date; person: { name: string } }[];
  today: string;
};

/** Week or month grid. Overrides and leave clashes are marked in words, not only colour. */
export function ScheduleCalendar({ days, people, zone, leave, today }: Props) {
  const name = (id: string | null) => (id ? (people.get(id)?.name ?? "Unknown") : "");
  return (
    <div role="grid" aria-label="On-call calendar" className="grid grid-cols-1 gap-px overflow-hidden rounded-md border border-line bg-line sm:grid-cols-7">
      {[...days.entries()].map(([day, segments]) => {
        const date = DateTime.fromISO(day, { zone });
        const dayLeave = leave.filter((entry) => entry.startsAt < date.plus({ days: 1 }).toJSDate() && entry.endsAt > date.toJSDate());
        return (
          <div role="gridcell" key={day} data-day={day} className={cx("min-h-28 space-y-1 bg-surface p-2 text-xs", day === today && "ring-2 ring-brand-500 ring-inset")}>
            <p className="font-medium text-fg">{date.toFormat("ccc d LLL")}</p>
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
              <p key={entry.id} className="text-fg-muted">Leave: {entry.person.name}</p>
            ))}
          </div>
        );
      })}
    </div>
  );
}
