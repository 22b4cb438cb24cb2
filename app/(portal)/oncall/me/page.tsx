import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { FeedLink } from "@/components/oncall/feed-link";
import { describeRequest, RequestsWaiting } from "@/components/oncall/requests-waiting";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatInZone } from "@/lib/oncall/calendar";
import { requestOrigin } from "@/lib/oncall/origin";
import { myShiftsView } from "@/lib/oncall/views";
import { addLeaveAction, cancelLeaveAction, respondToRequestAction, rotateFeedAction } from "../actions";

export const metadata: Metadata = { title: "My shifts" };

/** Leave is entered in the zone of the person's first schedule, else London (the demo organisation's). */
const DEFAULT_ZONE = "Europe/London";

export default async function MyShiftsPage() {
  const person = await requirePerson();
  requirePermission(person, "oncall.read");
  const data = await myShiftsView(db(), person.id);
  const now = new Date();
  const zone = data.shifts[0]?.timeZone ?? DEFAULT_ZONE;
  const pendingForMe = data.requests.filter((request) => request.status === "PENDING" && request.responder.id === person.id);
  const pendingMine = data.requests.filter((request) => request.status === "PENDING" && request.requester.id === person.id);
  const decided = data.requests.filter((request) => request.status !== "PENDING");
  const describe = describeRequest;
  return (
    <>
      <PageHeader eyebrow={<TextLink href="/oncall">← On-call</TextLink>} title="My shifts" description="Your on-call shifts for the next eight weeks, requests, leave and your calendar link." />
      <div className="space-y-6">
        {pendingForMe.length ? (
          <Card aria-labelledby="asked-title">
            <CardHeader titleId="asked-title" title="Requests waiting for you" />
            <CardContent>
              <RequestsWaiting requests={pendingForMe} />
            </CardContent>
          </Card>
        ) : null}

        <Card aria-labelledby="shifts-title">
          <CardHeader titleId="shifts-title" title="Upcoming shifts" />
          <CardContent className="text-sm">
            {data.shifts.length === 0 ? <p className="text-fg-muted">You have no on-call shifts in the next eight weeks.</p> : (
              <ul className="space-y-1" data-testid="my-shifts">
                {data.shifts.map((shift) => (
                  <li key={`${shift.scheduleId}-${shift.layer}-${shift.start.toISOString()}`}>
                    {formatInZone(shift.start, shift.timeZone)} – {formatInZone(shift.end, shift.timeZone)} ({shift.timeZone}):{" "}
                    <TextLink href={`/oncall/${shift.scheduleSlug}`}>{shift.scheduleName}</TextLink>
                    {shift.layer === "SECONDARY" ? " (secondary)" : ""}
                    {shift.source === "OVERRIDE" ? <> <Badge tone="warning">override</Badge></> : null}
                    {shift.onLeave ? <> <Badge tone="danger">clashes with your leave</Badge></> : null}
                  </li>
                ))}
              </ul>
            )}
            {data.optedOut.length ? <p className="mt-3 text-fg-muted">You opted out of: {data.optedOut.map((schedule) => schedule.name).join(", ")}.</p> : null}
          </CardContent>
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card aria-labelledby="requests-title">
            <CardHeader titleId="requests-title" title="Your requests" />
            <CardContent className="space-y-3 text-sm">
              {pendingMine.map((request) => (
                <div key={request.id} className="space-y-1">
                  <p>Waiting for <strong>{request.responder.name}</strong>: {describe(request)}.</p>
                  <ActionForm action={respondToRequestAction.bind(null, request.id, "CANCEL")} submitLabel="Cancel request" submitSize="sm" submitVariant="secondary" />
                </div>
              ))}
              {decided.slice(0, 10).map((request) => (
                <p key={request.id}>
                  <Badge tone={request.status === "ACCEPTED" ? "success" : "neutral"}>{request.status.toLowerCase()}</Badge> {describe(request)} ({request.requester.name} → {request.responder.name})
                </p>
              ))}
              {data.requests.length === 0 ? <p className="text-fg-muted">No requests yet.</p> : null}
            </CardContent>
          </Card>
          <Card aria-labelledby="leave-title">
            <CardHeader titleId="leave-title" title="Leave" description={`Times in ${zone}. Shifts that clash are flagged; ask someone to cover them.`} />
            <CardContent className="space-y-4 text-sm">
              <ActionForm submitSize="sm" action={addLeaveAction.bind(null, zone)} submitLabel="Add leave" labels={{ startsAt: "From", endsAt: "Until", note: "Note" }} className="grid gap-3 sm:grid-cols-2">
                <Field id="leave-from" label="From">{(control) => <Input {...control} type="datetime-local" name="startsAt" />}</Field>
                <Field id="leave-until" label="Until">{(control) => <Input {...control} type="datetime-local" name="endsAt" />}</Field>
                <Field id="leave-note" label="Note (optional)" className="sm:col-span-2">{(control) => <Input {...control} name="note" maxLength={200} />}</Field>
              </ActionForm>
              <ul className="space-y-2">
                {data.leave.map((entry) => (
                  <li key={entry.id} className="flex flex-wrap items-center gap-2">
                    {formatInZone(entry.startsAt, zone)} – {formatInZone(entry.endsAt, zone)} {entry.note ? `(${entry.note})` : ""}
                    {entry.endsAt <= now ? <Badge tone="neutral">past</Badge> : null}
                    <ActionForm action={cancelLeaveAction.bind(null, entry.id)} submitLabel="Cancel" submitAccessibleName={`Cancel leave ${formatInZone(entry.startsAt, zone)} – ${formatInZone(entry.endsAt, zone)}`} submitSize="sm" submitVariant="ghost" className="inline" />
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        </div>

        <Card aria-labelledby="feed-title">
          <CardHeader titleId="feed-title" title="My calendar feed" description="Your final shifts on every schedule, after swaps and cover." />
          <CardContent>
            <FeedLink origin={await requestOrigin()} token={data.feedToken} rotate={rotateFeedAction.bind(null, { personId: person.id })} label="Download my shifts (.ics)" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
