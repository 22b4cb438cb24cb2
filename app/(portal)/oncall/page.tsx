import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { leadsAnyTeam } from "@/lib/oncall/queries";
import { schedulesOverview } from "@/lib/oncall/views";

export const metadata: Metadata = { title: "On-call" };

export default async function OnCallPage() {
  const person = await requirePerson();
  requirePermission(person, "oncall.read");
  const schedules = await schedulesOverview(db());
  return (
    <>
      <PageHeader
        title="On-call"
        description="Out-of-hours schedules: who is on call now, until when, and who is next. In working hours each team supports its own services."
        actions={
          <>
            <ButtonLink href="/oncall/me">My shifts</ButtonLink>
            <ButtonLink href="/oncall/holidays">Holiday calendars</ButtonLink>
            {can(person, "oncall.schedules.manage", { teamId: person.teamIds[0] }) ? <ButtonLink href="/oncall/new">New schedule</ButtonLink> : null}
            {can(person, "oncall.report.read", { isTeamLead: await leadsAnyTeam(db(), person.id) }) ? <ButtonLink href="/oncall/report">Load and pay</ButtonLink> : null}
          </>
        }
      />
      {schedules.length === 0 ? (
        <EmptyState title="No on-call schedules yet" description="A team with a 99.9% service, or a domain with 99.0% services, needs one." />
      ) : (
        <Table caption="Schedules and who is on call now" captionHidden>
          <THead>
            <TR><TH>Schedule</TH><TH>For</TH><TH>Primary now</TH><TH>Secondary</TH><TH>Until</TH><TH>Next</TH></TR>
          </THead>
          <TBody>
            {schedules.map((schedule) => (
              <TR key={schedule.slug}>
                <TD><TextLink href={`/oncall/${schedule.slug}`}>{schedule.name}</TextLink></TD>
                <TD>{schedule.kind === "TEAM" ? "Team" : "Domain"}: {schedule.ownerName}</TD>
                <TD data-testid={`primary-${schedule.slug}`}>{schedule.primary?.name ?? "Nobody"}</TD>
                <TD>{schedule.secondary?.name ?? "—"}</TD>
                <TD>{schedule.until ? formatDateTime(schedule.until) : "—"}</TD>
                <TD>{schedule.next ? `${schedule.next.name}, ${formatDateTime(schedule.next.from)}` : "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
