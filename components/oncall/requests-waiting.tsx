import { ActionForm } from "@/components/ui/action-form";
import { formatInZone } from "@/lib/oncall/calendar";
import type { RequestRow } from "@/lib/oncall/queries";
import { respondToRequestAction } from "@/app/(portal)/oncall/actions";

/** "Swap Thu 3 Dec 17:00 – Fri 4 Dec 09:00 in exchange for … on Payments", in the schedule's zone. */
export function describeRequest(request: RequestRow): string {
  const zone = request.schedule.timeZone;
  const range = (start: Date, end: Date) => `${formatInZone(start, zone)} – ${formatInZone(end, zone)}`;
  const theirs = request.swapStartsAt && request.swapEndsAt ? ` in exchange for ${range(request.swapStartsAt, request.swapEndsAt)}` : "";
  return `${request.kind === "SWAP" ? "Swap" : "Cover"} ${range(request.startsAt, request.endsAt)}${theirs} on ${request.schedule.name} (${zone})`;
}

/** Swap and cover requests waiting for the signed-in person, answered in place (on the home and on My shifts). */
export function RequestsWaiting({ requests }: { requests: RequestRow[] }) {
  return (
    <ul className="space-y-3 text-sm">
      {requests.map((request) => (
        <li key={request.id} data-testid="incoming-request" className="space-y-2 rounded-md border border-line p-3">
          <p><strong>{request.requester.name}</strong> asks: {describeRequest(request)}.</p>
          {request.message ? <p className="text-fg-muted">“{request.message}”</p> : null}
          <div className="flex flex-wrap gap-2">
            <ActionForm submitSize="sm" action={respondToRequestAction.bind(null, request.id, "ACCEPT")} submitLabel="Accept" />
            <ActionForm action={respondToRequestAction.bind(null, request.id, "DECLINE")} submitLabel="Decline" submitSize="sm" submitVariant="secondary" />
          </div>
        </li>
      ))}
    </ul>
  );
}
