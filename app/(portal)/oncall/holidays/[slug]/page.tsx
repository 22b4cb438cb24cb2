import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DateTime } from "luxon";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { canManageHolidays } from "@/lib/oncall/holiday-calendars";
import { holidayCalendarBySlug } from "@/lib/oncall/queries";
import { addHolidayAction, importHolidaysAction, removeHolidayAction, renameHolidayCalendarAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `Holidays: ${(await params).slug}` };
}

const day = (date: Date) => DateTime.fromJSDate(date, { zone: "utc" }).toFormat("ccc d LLL yyyy");

export default async function HolidayCalendarPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "oncall.read");
  const { slug } = await params;
  const [calendar, canManage] = await Promise.all([holidayCalendarBySlug(db(), slug), canManageHolidays(db(), person)]);
  if (!calendar) notFound();
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/oncall/holidays">← Holiday calendars</TextLink>}
        title={calendar.name}
        description={
          calendar.schedules.length ? (
            <>
              Used by{" "}
              {calendar.schedules.map((schedule, index) => (
                <span key={schedule.slug}>
                  {index ? ", " : ""}
                  <TextLink href={`/oncall/${schedule.slug}`}>{schedule.name}</TextLink>
                </span>
              ))}
              . Dates are local days in each schedule&apos;s time zone.
            </>
          ) : (
            "No schedule uses this calendar yet; pick it in a schedule's settings."
          )
        }
      />
      <div className="space-y-6">
        <Card aria-labelledby="holidays-title">
          <CardHeader titleId="holidays-title" title={`Holidays (${calendar.holidays.length})`} />
          <CardContent>
            {calendar.holidays.length === 0 ? (
              <p className="text-sm text-fg-muted">No holidays yet.</p>
            ) : (
              <Table caption="Holidays" captionHidden>
                <THead>
                  <TR><TH>Date</TH><TH>Holiday</TH>{canManage ? <TH><span className="sr-only">Actions</span></TH> : null}</TR>
                </THead>
                <TBody>
                  {calendar.holidays.map((holiday) => (
                    <TR key={holiday.id}>
                      <TD>{day(holiday.date)}</TD>
                      <TD>{holiday.name}</TD>
                      {canManage ? (
                        <TD>
                          <ActionForm
                            action={removeHolidayAction.bind(null, holiday.id)}
                            submitLabel="Remove"
                            submitAccessibleName={`Remove ${holiday.name} on ${day(holiday.date)}`}
                            submitSize="sm"
                            submitVariant="ghost"
                          />
                        </TD>
                      ) : null}
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardContent>
        </Card>
        {canManage ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card aria-labelledby="add-holiday-title">
              <CardHeader titleId="add-holiday-title" title="Add a holiday" />
              <CardContent>
                <ActionForm submitSize="sm" action={addHolidayAction.bind(null, calendar.id)} submitLabel="Add holiday" labels={{ date: "Date", name: "Holiday" }} className="grid gap-3 sm:grid-cols-2">
                  <Field id="holiday-date" label="Date" required>{(control) => <Input {...control} type="date" name="date" />}</Field>
                  <Field id="holiday-name" label="Holiday" required>{(control) => <Input {...control} name="name" placeholder="Boxing Day" />}</Field>
                </ActionForm>
              </CardContent>
            </Card>
            <Card aria-labelledby="import-title">
              <CardHeader titleId="import-title" title="Import public holidays" description="An .ics file of all-day events, as governments and calendar providers publish (e.g. gov.uk/bank-holidays). Dates already here are kept." />
              <CardContent>
                <ActionForm submitSize="sm" action={importHolidaysAction.bind(null, calendar.id)} submitLabel="Import" labels={{ ics: ".ics file" }}>
                  <Field id="holiday-ics" label=".ics file">{(control) => <Input {...control} type="file" name="ics" accept=".ics,text/calendar" />}</Field>
                </ActionForm>
              </CardContent>
            </Card>
            <Card aria-labelledby="rename-title">
              <CardHeader titleId="rename-title" title="Rename" />
              <CardContent>
                <ActionForm submitSize="sm" action={renameHolidayCalendarAction.bind(null, calendar.id)} submitLabel="Save" labels={{ name: "Name", slug: "Slug" }} className="grid gap-3 sm:grid-cols-2">
                  <Field id="rename-name" label="Name" required>{(control) => <Input {...control} name="name" defaultValue={calendar.name} />}</Field>
                  <Field id="rename-slug" label="Slug" required>{(control) => <Input {...control} name="slug" defaultValue={calendar.slug} />}</Field>
                </ActionForm>
              </CardContent>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
