import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { RotationFields } from "@/components/oncall/rotation-fields";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { TextLink } from "@/components/ui/text-link";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { listScheduleOwners } from "@/lib/oncall/queries";
import { forbidden } from "next/navigation";
import { createScheduleAction } from "../actions";

export const metadata: Metadata = { title: "New on-call schedule" };

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Sydney", "Asia/Singapore", "UTC"];

export default async function NewSchedulePage() {
  const person = await requirePerson();
  const owners = await listScheduleOwners(db());
  // Teams the person may manage a schedule for; domains whose teams include one of them.
  const teams = owners.teams.filter((team) => !team.onCallSchedule && can(person, "oncall.schedules.manage", { teamId: team.id }));
  const domains = owners.domains.filter((domain) => !domain.onCallSchedule && (person.role === "ADMIN" || teams.length > 0));
  if (teams.length === 0 && domains.length === 0 && !can(person, "oncall.schedules.manage", { teamId: person.teamIds[0] })) forbidden();
  return (
    <>
      <PageHeader eyebrow={<TextLink href="/oncall">← On-call</TextLink>} title="New on-call schedule" description="A team's own out-of-hours schedule (for 99.9% services) or a domain schedule shared by the domain's teams (for 99.0% services)." />
      <ActionForm submitSize="sm" action={createScheduleAction} submitLabel="Create schedule" labels={{ name: "Name", slug: "Slug", ownerId: "For", timeZone: "Time zone", workdayEnd: "Working hours end", workingDays: "Working days", participantIds: "People", handoffTime: "Handoff time", effectiveFrom: "Takes effect from" }} className="max-w-3xl space-y-5">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="name" label="Name" required>{(control) => <Input {...control} name="name" placeholder="Checkout out of hours" />}</Field>
          <Field id="slug" label="Slug" required>{(control) => <Input {...control} name="slug" placeholder="checkout-ooh" />}</Field>
          <Field id="owner" label="For" required>
            {(control) => (
              <Select {...control} name="owner">
                {teams.map((team) => <option key={team.id} value={`TEAM:${team.id}`}>Team: {team.name}</option>)}
                {domains.map((domain) => <option key={domain.id} value={`DOMAIN:${domain.id}`}>Domain: {domain.name}</option>)}
              </Select>
            )}
          </Field>
          <Field id="timeZone" label="Time zone" hint="IANA name; handoffs and working hours are local times there.">
            {(control) => (
              <>
                <Input {...control} name="timeZone" defaultValue="Europe/London" list="zones" />
                <datalist id="zones">{ZONES.map((zone) => <option key={zone} value={zone} />)}</datalist>
              </>
            )}
          </Field>
          <Field id="workdayStart" label="Working hours start">{(control) => <Input {...control} type="time" name="workdayStart" defaultValue="09:00" />}</Field>
          <Field id="workdayEnd" label="Working hours end">{(control) => <Input {...control} type="time" name="workdayEnd" defaultValue="17:00" />}</Field>
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium">Working days</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {DAYS.map((day, index) => (
                <Checkbox key={day} id={`workingDays-${index}`} label={day} name={`workingDays.${index}`} value={index + 1} defaultChecked={index < 5} />
              ))}
            </div>
          </fieldset>
          <Field id="holidayCalendarId" label="Public holidays">
            {(control) => (
              <Select {...control} name="holidayCalendarId">
                <option value="">None</option>
                {owners.calendars.map((calendar) => <option key={calendar.id} value={calendar.id}>{calendar.name}</option>)}
              </Select>
            )}
          </Field>
          <Checkbox id="hasSecondary" name="hasSecondary" label="Secondary layer" hint="The next person in the rotation backs up the primary; give the secondary its own rotation later under Change rotation." />
        </div>
        <RotationFields people={owners.people} zone="the schedule's zone" />
      </ActionForm>
    </>
  );
}
