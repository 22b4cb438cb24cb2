// RFC 5545 calendars of final shifts (after overrides), built with ical-generator. Each event's UID is
// derived from the schedule, layer and start instant, so when an override or a rotation edit changes
// who holds a slot, calendar clients replace the event instead of adding a second one.
import { createHash } from "node:crypto";
import ical, { ICalCalendarMethod } from "ical-generator";
import type { FinalShift } from "./shift-engine";

export type FeedShift = FinalShift & { scheduleId: string; scheduleName: string; personName: string; rotationPersonName: string | null };

export function shiftUid(shift: Pick<FeedShift, "scheduleId" | "layer" | "start">): string {
  const digest = createHash("sha256").update(`${shift.scheduleId}|${shift.layer}|${shift.start.toISOString()}`).digest("hex").slice(0, 32);
  return `${digest}@runwell.oncall`;
}

export function buildOnCallCalendar(input: { name: string; timeZone: string; shifts: readonly FeedShift[]; url?: string; now?: Date }): string {
  const calendar = ical({ name: input.name, prodId: { company: "Runwell", product: "on-call", language: "EN" }, method: ICalCalendarMethod.PUBLISH, ttl: 60 * 15 });
  for (const shift of input.shifts) {
    const layer = shift.layer === "PRIMARY" ? "Primary" : "Secondary";
    const covering = shift.source === "OVERRIDE" && shift.rotationPersonName && shift.rotationPersonName !== shift.personName ? ` (covering ${shift.rotationPersonName})` : "";
    calendar.createEvent({
      id: shiftUid(shift),
      start: shift.start,
      end: shift.end,
      stamp: input.now ?? new Date(),
      summary: `On call: ${shift.personName} — ${shift.scheduleName} (${layer})${covering}`,
      description: [
        `${layer} on-call for ${shift.scheduleName}.`,
        shift.source === "OVERRIDE" ? `Override (${(shift.overrideKind ?? "").toLowerCase().replace("_", " ")}).` : "From the rotation.",
        shift.leaveIds.length ? "Clashes with leave: arrange cover." : "",
      ].filter(Boolean).join("\n"),
      url: input.url,
    });
  }
  return calendar.toString();
}
