import { RequestsWaiting } from "@/components/oncall/requests-waiting";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { RequestRow } from "@/lib/oncall/queries";

/** Shown only when someone waits for this person's answer. */
export function RequestsWaitingCard({ requests, className }: { requests: RequestRow[]; className?: string }) {
  if (!requests.length) return null;
  return (
    <Card aria-labelledby="requests-waiting-heading" className={className}>
      <CardHeader
        titleId="requests-waiting-heading"
        title={`Requests waiting for you (${requests.length})`}
        description="Colleagues asking you to swap or cover a shift. Accepting updates the calendar straight away."
      />
      <CardContent>
        <RequestsWaiting requests={requests} />
      </CardContent>
    </Card>
  );
}
