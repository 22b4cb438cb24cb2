import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryCard } from "@/components/audit/entity-history";
import { IncidentBacklogItems } from "@/components/backlog/incident-backlog-items";
import { ImpactBadge, IncidentStatusBadge } from "@/components/incidents/incident-badges";
import { IncidentFacts } from "@/components/incidents/incident-facts";
import { IncidentPeople } from "@/components/incidents/incident-people";
import { IncidentResponseForms, IncidentUpdateForm } from "@/components/incidents/incident-response-forms";
import { IncidentStatusActions } from "@/components/incidents/incident-status-actions";
import { IncidentSuspects } from "@/components/incidents/incident-suspects";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { IncidentReviewCard } from "@/components/reviews/incident-review-card";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { backlogItemsOfIncident } from "@/lib/backlog/queries";
import { db } from "@/lib/db";
import { getIncident, rolePickerPeople } from "@/lib/incidents/queries";
import { isOpen } from "@/lib/incidents/status-transitions";
import { reviewOfIncident } from "@/lib/reviews/queries";
import { organisationMoneyUnit } from "@/lib/settings/queries";
import { safeId } from "@/lib/validation/text";
import {
  addIncidentUpdateAction, assignRoleAction, changeIncidentStatusAction, confirmCauseAction, editWindowAction, reassignIncidentAction, reviseImpactAction,
} from "../actions";
import { scheduleReviewAction } from "../../reviews/actions";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "incidents.read");
  const { id } = await params;
  if (!safeId().safeParse(id).success) notFound();
  const [incident, history, unit, review] = await Promise.all([getIncident(db(), id), listEntityHistory(db(), "Incident", id, 50), organisationMoneyUnit(db()), reviewOfIncident(db(), id)]);
  if (!incident) notFound();
  const isResponder = incident.pages.some((page) => page.person?.id === person.id) || incident.roles.some((role) => role.person.id === person.id);
  const mayRespond = can(person, "incidents.respond", { teamId: incident.team.id, isResponder });
  const people = mayRespond ? await rolePickerPeople(db()) : [];
  const backlogItems = await backlogItemsOfIncident(db(), incident.id);
  const now = new Date();
  const open = isOpen(incident.status);
  const held = incident.heldUntil && incident.heldUntil > now && !incident.acknowledgedAt;
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/incidents">← Incidents</TextLink>}
        title={<span className="flex flex-wrap items-center gap-2">INC-{incident.number}: {incident.title} <ImpactBadge impact={incident.impact} /> <IncidentStatusBadge status={incident.status} /></span>}
      />
      {held ? (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {incident.service.name} has no out-of-hours cover (its availability target is 95.0%): this incident waits until the next working day, <DateTime value={incident.heldUntil!} />, when the team is paged.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {mayRespond ? <IncidentStatusActions status={incident.status} action={changeIncidentStatusAction.bind(null, incident.id)} /> : null}
          {incident.summary ? (
            <Card aria-labelledby="summary-title">
              <CardHeader titleId="summary-title" title="Summary" />
              <CardContent><p className="whitespace-pre-wrap text-sm">{incident.summary}</p></CardContent>
            </Card>
          ) : null}
          <Card aria-labelledby="timeline-title">
            <CardHeader titleId="timeline-title" title="Timeline" description="Updates, status changes, pages, alerts and deployments, oldest first." />
            <CardContent className="space-y-6">
              <IncidentTimeline entries={incident.timeline} total={incident._count.timeline} />
              {mayRespond ? <IncidentUpdateForm action={addIncidentUpdateAction.bind(null, incident.id)} /> : null}
            </CardContent>
          </Card>
          {incident.alerts.length ? (
            <Card aria-labelledby="alerts-title">
              <CardHeader titleId="alerts-title" title={`Alerts (${incident._count.alerts})`} description="As the alerting tool sent them, by fingerprint." />
              <CardContent>
                <ul className="space-y-2 text-sm">
                  {incident.alerts.map((alert) => (
                    <li key={alert.fingerprint}>
                      <strong>{alert.name}</strong> <span className="text-fg-muted">· {alert.status === "FIRING" ? "firing" : "resolved"}{alert.severity ? ` · ${alert.severity}` : ""} · since <DateTime value={alert.startsAt} /></span>
                      {alert.summary ? <span className="block">{alert.summary}</span> : null}
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          ) : null}
          <IncidentSuspects incident={incident} confirm={mayRespond ? confirmCauseAction.bind(null, incident.id) : null} />
          <EntityHistoryCard events={history} />
        </div>
        <div className="space-y-6">
          <IncidentFacts incident={incident} unit={unit} now={now} />
          <IncidentReviewCard review={review} major={incident.impact === "HIGH"}
            schedule={!review && can(person, "reviews.schedule", { teamId: incident.service.teamId }) ? scheduleReviewAction.bind(null, incident.id) : null} />
          <IncidentBacklogItems items={backlogItems} />
          <IncidentPeople incident={incident} people={people} assignRole={mayRespond ? assignRoleAction.bind(null, incident.id) : null} />
          {mayRespond && incident.status !== "CLOSED" ? (
            <IncidentResponseForms
              impact={incident.impact} lostAt={incident.availabilityLostAt} regainedAt={incident.availabilityRegainedAt} open={open}
              revise={reviseImpactAction.bind(null, incident.id)} reassign={reassignIncidentAction.bind(null, incident.id)} editWindow={editWindowAction.bind(null, incident.id)}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
