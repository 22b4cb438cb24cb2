import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DateTime } from "luxon";
import { ActionForm } from "@/components/ui/action-form";
import { ArrangeCover } from "@/components/oncall/arrange-cover";
import { AssignOverrideForm } from "@/components/oncall/assign-override-form";
import { FeedLink } from "@/components/oncall/feed-link";
import { ScheduleCalendar } from "@/components/oncall/schedule-calendar";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatInZone } from "@/lib/oncall/calendar";
import { requestOrigin } from "@/lib/oncall/origin";
import { scheduleOwnerFacts } from "@/lib/oncall/queries";
import { canOnSchedule } from "@/lib/oncall/schedule-access";
import { formatMinute } from "@/lib/oncall/schemas";
import { scheduleView } from "@/lib/oncall/views";
import { assignOverrideAction, cancelOverrideAction, requestCoverAction, requestSwapAction, rotateFeedAction, setOptOutAction, takeShiftNowAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `On-call: ${(await params).slug}` };
}

const WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export default async function SchedulePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ view?: string; date?: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "oncall.read");
  const { slug } = await params;
  const query = await searchParams;
  const view = query.view === "week" ? "week" : "month";
  const data = await scheduleView(db(), slug, view, query.date ?? "");
  if (!data) notFound();
  const { schedule, range } = data;
  const zone = schedule.engine.timeZone;
  const facts = await scheduleOwnerFacts(db(), schedule);
  const canManage = canOnSchedule(person, "oncall.schedules.manage", facts);
  const canAssign = canOnSchedule(person, "oncall.overrides.assign", facts);
  const isParticipant = schedule.participants.some((participant) => participant.id === person.id);
  const optedOut = schedule.optedOutIds.includes(person.id);
  const mine = data.upcoming.filter((shift) => shift.person.id === person.id && shift.layer === "PRIMARY");
  const theirs = data.upcoming.filter((shift) => shift.person.id !== person.id && shift.layer === "PRIMARY");
  const others = schedule.participants.filter((participant) => participant.id !== person.id);
  const current = data.now.primary.current;
  const name = (id: string | undefined) => (id ? (data.people.get(id)?.name ?? "Unknown") : "Nobody");
  const today = DateTime.now().setZone(zone).toISODate()!;
  const link = (params: { view?: string; date?: string }) => `/oncall/${slug}?view=${params.view ?? view}&date=${params.date ?? query.date ?? today}`;
  const rotation = schedule.latestRotation;
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/oncall">← On-call</TextLink>}
        actions={
          canManage ? (
            <>
              <ButtonLink href={`/oncall/${slug}/settings`}>Settings</ButtonLink>
              <ButtonLink href={`/oncall/${slug}/rotation`}>Change rotation</ButtonLink>
            </>
          ) : null
        }
        title={<span className="flex flex-wrap items-center gap-2">{schedule.name}<Badge>{schedule.kind === "TEAM" ? "Team" : "Domain"} schedule: {schedule.ownerName}</Badge></span>}
        description={
          <>
            {zone}; working hours {formatMinute(schedule.workdayStartMinute)}–{formatMinute(schedule.workdayEndMinute)} on {schedule.hours.workingDays.map((day) => WEEKDAYS[day]).join(", ")}
            {schedule.holidayCalendarName ? `; holidays: ${schedule.holidayCalendarName}` : "; no holiday calendar"}.
            {rotation ? ` Rotation: ${rotation.rotationDays}-day shifts, handoff ${WEEKDAYS[rotation.handoffWeekday]} ${formatMinute(rotation.handoffMinute)}.` : ""}
          </>
        }
      />
      <div className="space-y-6">
        <Card aria-labelledby="now-title">
          <CardHeader titleId="now-title" title="On call now" />
          <CardContent className="flex flex-wrap items-start justify-between gap-4 text-sm">
            <dl className="grid gap-3 sm:grid-cols-3">
              <div><dt className="text-fg-muted">Primary</dt><dd data-testid="schedule-primary">{name(current?.personId)}</dd></div>
              <div><dt className="text-fg-muted">Secondary</dt><dd>{schedule.hasSecondary ? name(data.now.secondary.current?.personId) : "No secondary layer"}</dd></div>
              <div><dt className="text-fg-muted">Until / next</dt><dd>{current ? formatInZone(current.end, zone) : "—"}{data.now.primary.next ? `, then ${name(data.now.primary.next.personId)}` : ""}</dd></div>
            </dl>
            {current && current.personId !== person.id && !optedOut ? (
              <ActionForm action={takeShiftNowAction.bind(null, schedule.id)} submitLabel="Take the shift now" submitSize="sm" submitVariant="secondary" />
            ) : null}
          </CardContent>
        </Card>

        <Card aria-labelledby="calendar-title">
          <CardHeader
            titleId="calendar-title"
            title={range.label}
            description="Overrides are marked with who they cover for; shifts that clash with leave are marked “on leave”."
            actions={
              <>
                <ButtonLink size="sm" href={link({ date: range.previous })}>Previous</ButtonLink>
                <ButtonLink size="sm" href={link({ date: range.next })}>Next</ButtonLink>
                <ButtonLink size="sm" href={link({ view: view === "month" ? "week" : "month" })}>{view === "month" ? "Week view" : "Month view"}</ButtonLink>
              </>
            }
          />
          <CardContent>
            <ScheduleCalendar days={data.days} dayKinds={data.dayKinds} hours={data.hours} people={data.people} zone={zone} leave={data.leave} today={today} />
          </CardContent>
        </Card>

        {isParticipant && mine.length > 0 ? (
          <Card aria-labelledby="arrange-title">
            <CardHeader titleId="arrange-title" title="Arrange cover" description="The other person accepts or declines on their My shifts page. Nothing changes until they accept." />
            <CardContent>
              <ArrangeCover mine={mine} theirs={theirs} people={others} zone={zone} swap={requestSwapAction.bind(null, schedule.id)} cover={requestCoverAction.bind(null, schedule.id)} />
            </CardContent>
          </Card>
        ) : null}

        {canAssign ? (
          <Card aria-labelledby="assign-title">
            <CardHeader titleId="assign-title" title="Assign cover directly" description="For admins and team leads. Refused if the person is on leave, opted out or on call elsewhere then." />
            <CardContent>
              <AssignOverrideForm action={assignOverrideAction.bind(null, schedule.id)} people={schedule.participants} zone={zone} hasSecondary={schedule.hasSecondary} />
            </CardContent>
          </Card>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-2">
          <Card aria-labelledby="people-title">
            <CardHeader titleId="people-title" title="Rotation" description="In order. Anyone may opt out; no reason is asked." />
            <CardContent className="space-y-3 text-sm">
              <ol className="list-decimal space-y-1 pl-5">
                {schedule.participants.map((participant) => <li key={participant.id}>{participant.name}</li>)}
              </ol>
              {schedule.hasSecondary ? (
                schedule.secondaryParticipants.length ? (
                  <div>
                    <p className="font-medium">Secondary rotation</p>
                    <ol className="list-decimal space-y-1 pl-5" aria-label="Secondary rotation">
                      {schedule.secondaryParticipants.map((participant) => <li key={participant.id}>{participant.name}</li>)}
                    </ol>
                  </div>
                ) : (
                  <p className="text-fg-muted">Secondary: the next person in the rotation backs up the primary.</p>
                )
              ) : null}
              {schedule.participants.length < 3 ? <p><Badge tone="warning">Thin rota</Badge> fewer than three people.</p> : null}
              {schedule.optedOutIds.length ? <p className="text-fg-muted">{schedule.optedOutIds.length} opted out.</p> : null}
              {isParticipant || optedOut ? (
                <ActionForm action={setOptOutAction.bind(null, schedule.id, !optedOut)} submitLabel={optedOut ? "Opt back in" : "Opt out of this schedule"} submitSize="sm" submitVariant="secondary" />
              ) : null}
            </CardContent>
          </Card>
          <Card aria-labelledby="overrides-title">
            <CardHeader titleId="overrides-title" title="Current and upcoming overrides" />
            <CardContent className="text-sm">
              {data.overrides.length === 0 ? <p className="text-fg-muted">None.</p> : (
                <ul className="space-y-1">
                  {data.overrides.map((override) => (
                    <li key={override.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {formatInZone(override.startsAt, zone)} – {formatInZone(override.endsAt, zone)}: <strong>{override.person.name}</strong>
                        {override.replacesPerson ? ` for ${override.replacesPerson.name}` : ""}
                        {override.layer === "SECONDARY" ? " (secondary)" : ""}
                      </span>
                      <Badge tone="warning">{override.kind.toLowerCase().replace("_", " ")}</Badge>
                      {canAssign || override.personId === person.id || override.replacesPersonId === person.id ? (
                        <ActionForm
                          action={cancelOverrideAction.bind(null, override.id)}
                          submitLabel="Cancel"
                          submitAccessibleName={`Cancel cover by ${override.person.name} from ${formatInZone(override.startsAt, zone)}`}
                          submitSize="sm"
                          submitVariant="ghost"
                          confirm={override.kind === "SWAP" ? "Cancel this swap? Both halves go back to the rotation." : "Cancel this cover? The rotation's person is on call again."}
                          className="inline-flex items-center gap-2"
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>

        <Card aria-labelledby="feed-title">
          <CardHeader titleId="feed-title" title="Calendar feed" description="Final shifts after overrides, in iCal format." />
          <CardContent>
            <FeedLink origin={await requestOrigin()} token={data.feedToken} rotate={canManage ? rotateFeedAction.bind(null, { scheduleId: schedule.id }) : null} label="Download this schedule (.ics)" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
