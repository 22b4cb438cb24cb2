import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import type { OnCallNow } from "@/lib/oncall/get-oncall-now";

const COVER_LABEL: Record<OnCallNow["cover"], string> = {
  in_hours_team: "Working hours: owning team",
  out_of_hours_team: "Out of hours: team schedule",
  out_of_hours_domain: "Out of hours: domain schedule",
  none: "No out-of-hours cover",
};

function Person({ person }: { person: { name: string; email: string } | null }) {
  return person ? <a className="underline underline-offset-2" href={`mailto:${person.email}`}>{person.name}</a> : <span className="text-fg-muted">Nobody</span>;
}

/** Who answers for a service right now, why, until when, and who is next. */
export function OnCallNowCard({ oncall }: { oncall: OnCallNow }) {
  return (
    <Card aria-labelledby="oncall-title">
      <CardHeader
        titleId="oncall-title"
        title="On call now"
        description={oncall.reason}
        actions={<Badge tone={oncall.cover === "none" ? "warning" : "info"}>{COVER_LABEL[oncall.cover]}</Badge>}
      />
      <CardContent>
        <dl className="grid gap-3 text-sm sm:grid-cols-2" data-testid="oncall-now">
          <div><dt className="text-fg-muted">Primary</dt><dd data-testid="oncall-primary"><Person person={oncall.primary} /></dd></div>
          <div><dt className="text-fg-muted">Secondary</dt><dd><Person person={oncall.secondary} /></dd></div>
          <div><dt className="text-fg-muted">Until</dt><dd>{oncall.until ? formatDateTime(oncall.until) : "—"}</dd></div>
          <div>
            <dt className="text-fg-muted">Next</dt>
            <dd>{oncall.next ? <><Person person={oncall.next} /> from {formatDateTime(oncall.next.from)}</> : "—"}</dd>
          </div>
        </dl>
        {oncall.schedule ? (
          <p className="mt-3 text-sm">
            Schedule: <TextLink href={`/oncall/${oncall.schedule.slug}`}>{oncall.schedule.name}</TextLink>
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
