import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { servicesRelyingOn } from "@/lib/oncall/archive-schedule";
import { listScheduleOwners, loadScheduleBySlug, scheduleOwnerFacts } from "@/lib/oncall/queries";
import { scheduleContext } from "@/lib/oncall/schedule-access";
import { formatMinute } from "@/lib/oncall/schemas";
import { archiveScheduleAction, updateScheduleAction } from "../../actions";

export const metadata: Metadata = { title: "Schedule settings" };

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Sydney", "Asia/Singapore", "UTC"];

export default async function ScheduleSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  const { slug } = await params;
  const now = new Date();
  const schedule = await loadScheduleBySlug(db(), slug, now, now);
  if (!schedule) notFound();
  requirePermission(person, "oncall.schedules.manage", scheduleContext(person, await scheduleOwnerFacts(db(), schedule)));
  const [{ calendars }, relying] = await Promise.all([listScheduleOwners(db()), servicesRelyingOn(db(), schedule)]);
  const rotation = schedule.latestRotation;
  const zone = schedule.engine.timeZone;
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href={`/oncall/${slug}`}>← {schedule.name}</TextLink>}
        title="Schedule settings"
        description="Name, working hours, working days and public holidays apply at once. The time zone, shift length, handoff and secondary layer change who is on call when: they take effect from the date you choose, earlier shifts stay as they were, and whoever is on call then stays on call until the next handoff."
      />
      <div className="space-y-6">
        <Card aria-labelledby="settings-title">
          <CardHeader titleId="settings-title" title="Settings" />
          <CardContent>
            <ActionForm
              submitSize="sm"
              action={updateScheduleAction.bind(null, schedule.id)}
              submitLabel="Save settings"
              labels={{ name: "Name", timeZone: "Time zone", workdayStart: "Working hours start", workdayEnd: "Working hours end", workingDays: "Working days", holidayCalendarId: "Public holidays", rotationDays: "Shift length (days)", handoffWeekday: "Handoff day", handoffTime: "Handoff time", effectiveFrom: "Shift changes take effect from" }}
              className="max-w-3xl space-y-5"
            >
              <div className="grid gap-3 sm:grid-cols-2">
                <Field id="name" label="Name" required>{(control) => <Input {...control} name="name" defaultValue={schedule.name} />}</Field>
                <Field id="timeZone" label="Time zone" hint="IANA name; handoffs and working hours are local times there.">
                  {(control) => (
                    <>
                      <Input {...control} name="timeZone" defaultValue={zone} list="zones" />
                      <datalist id="zones">{ZONES.map((option) => <option key={option} value={option} />)}</datalist>
                    </>
                  )}
                </Field>
                <Field id="workdayStart" label="Working hours start">{(control) => <Input {...control} type="time" name="workdayStart" defaultValue={formatMinute(schedule.workdayStartMinute)} />}</Field>
                <Field id="workdayEnd" label="Working hours end">{(control) => <Input {...control} type="time" name="workdayEnd" defaultValue={formatMinute(schedule.workdayEndMinute)} />}</Field>
                <fieldset className="sm:col-span-2">
                  <legend className="text-sm font-medium">Working days</legend>
                  <div className="mt-1 flex flex-wrap gap-3">
                    {DAYS.map((day, index) => (
                      <Checkbox key={day} id={`workingDays-${index}`} label={day} name={`workingDays.${index}`} value={index + 1} defaultChecked={schedule.workingDays.includes(index + 1)} />
                    ))}
                  </div>
                </fieldset>
                <Field id="holidayCalendarId" label="Public holidays" hint={<>Days off on this calendar count as out of hours. <TextLink href="/oncall/holidays">Holiday calendars</TextLink></>}>
                  {(control) => (
                    <Select {...control} name="holidayCalendarId" defaultValue={schedule.holidayCalendarId ?? ""}>
                      <option value="">None</option>
                      {calendars.map((calendar) => <option key={calendar.id} value={calendar.id}>{calendar.name}</option>)}
                    </Select>
                  )}
                </Field>
                <Checkbox id="hasSecondary" name="hasSecondary" label="Secondary layer" defaultChecked={schedule.hasSecondary} hint="Someone backs up the primary: the next person in the rotation, or the secondary's own rotation (set under Change rotation)." />
              </div>
              <fieldset className="grid gap-3 sm:grid-cols-2">
                <legend className="mb-2 text-sm font-semibold">Shifts</legend>
                <Field id="rotationDays" label="Shift length (days)">
                  {(control) => <Input {...control} type="number" name="rotationDays" min={1} max={28} defaultValue={rotation?.rotationDays ?? 7} />}
                </Field>
                <Field id="handoffWeekday" label="Handoff day">
                  {(control) => (
                    <Select {...control} name="handoffWeekday" defaultValue={String(rotation?.handoffWeekday ?? 1)}>
                      {WEEKDAYS.map((day, index) => <option key={day} value={index + 1}>{day}</option>)}
                    </Select>
                  )}
                </Field>
                <Field id="handoffTime" label="Handoff time (in the schedule's zone)">
                  {(control) => <Input {...control} type="time" name="handoffTime" defaultValue={rotation ? formatMinute(rotation.handoffMinute) : "09:00"} />}
                </Field>
                <Field id="effectiveFrom" label="Shift changes take effect from" hint="A local time in the (new) zone; empty: now. Only used when the zone, shift length, handoff or secondary layer changes.">
                  {(control) => <Input {...control} type="datetime-local" name="effectiveFrom" />}
                </Field>
              </fieldset>
            </ActionForm>
          </CardContent>
        </Card>

        <Card aria-labelledby="archive-title">
          <CardHeader
            titleId="archive-title"
            title="Archive this schedule"
            description="An archived schedule covers nothing from now on; pending requests are cancelled. Its past shifts stay in the load and pay report, and the team or domain can create a new schedule."
          />
          <CardContent className="space-y-3 text-sm">
            {relying.length > 0 ? (
              <p role="note" className="text-danger-fg">
                {relying.length} service{relying.length === 1 ? "" : "s"} rely on this schedule for out-of-hours cover:{" "}
                {relying.map((service, index) => (
                  <span key={service.slug}>
                    {index ? ", " : ""}
                    <TextLink href={`/services/${service.slug}`}>{service.name}</TextLink>
                  </span>
                ))}
                . Archiving leaves them with nobody on call out of hours.
              </p>
            ) : (
              <p className="text-fg-muted">No service relies on this schedule for cover now.</p>
            )}
            <ActionForm action={archiveScheduleAction.bind(null, schedule.id)} submitLabel="Archive schedule" submitVariant="danger" submitSize="sm" confirm={`Archive ${schedule.name}?`} labels={{ confirmUncovered: "Leave services uncovered" }}>
              {relying.length > 0 ? <Checkbox id="confirmUncovered" name="confirmUncovered" label="Archive anyway and leave these services without out-of-hours cover" /> : null}
            </ActionForm>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
