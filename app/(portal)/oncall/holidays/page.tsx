import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { canManageHolidays } from "@/lib/oncall/holiday-calendars";
import { listHolidayCalendars } from "@/lib/oncall/queries";
import { createHolidayCalendarAction } from "../actions";

export const metadata: Metadata = { title: "Holiday calendars" };

export default async function HolidayCalendarsPage() {
  const person = await requirePerson();
  requirePermission(person, "oncall.read");
  const [calendars, canManage] = await Promise.all([listHolidayCalendars(db()), canManageHolidays(db(), person)]);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/oncall">← On-call</TextLink>}
        title="Holiday calendars"
        description="Public holidays per country or region. A schedule picks one (in its settings): its holidays count as out of hours, and as holiday hours in the load and pay report."
      />
      <div className="space-y-6">
        {calendars.length === 0 ? (
          <EmptyState title="No holiday calendars yet" description="Admins and team leads can add one below, by hand or from an .ics file of public holidays." />
        ) : (
          <Table caption="Holiday calendars" captionHidden>
            <THead>
              <TR><TH>Calendar</TH><TH>Holidays</TH><TH>Used by</TH></TR>
            </THead>
            <TBody>
              {calendars.map((calendar) => (
                <TR key={calendar.id}>
                  <TD><TextLink href={`/oncall/holidays/${calendar.slug}`}>{calendar.name}</TextLink></TD>
                  <TD>{calendar.holidayCount}</TD>
                  <TD>{calendar.schedules.length ? calendar.schedules.map((schedule) => schedule.name).join(", ") : "—"}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {canManage ? (
          <Card aria-labelledby="new-calendar-title">
            <CardHeader titleId="new-calendar-title" title="New holiday calendar" />
            <CardContent>
              <ActionForm submitSize="sm" action={createHolidayCalendarAction} submitLabel="Create calendar" labels={{ name: "Name", slug: "Slug" }} className="grid max-w-2xl gap-3 sm:grid-cols-2">
                <Field id="calendar-name" label="Name" required>{(control) => <Input {...control} name="name" placeholder="England and Wales" />}</Field>
                <Field id="calendar-slug" label="Slug" required>{(control) => <Input {...control} name="slug" placeholder="england-and-wales" />}</Field>
              </ActionForm>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
