import { Boxes, TriangleAlert, Users } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BalanceSignal, BalanceSummary, DoneShareChart } from "@/components/backlog/balance-card";
import { OwnedServicesTable } from "@/components/teams/owned-services-table";
import { TeamFacts } from "@/components/teams/team-facts";
import { TeamMembersTable } from "@/components/teams/team-members-table";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { ButtonLink } from "@/components/ui/button";
import { teamBalances } from "@/lib/backlog/queries";
import { db } from "@/lib/db";
import { getTeamBySlug } from "@/lib/teams/queries";
import { isThinRota, MIN_ROTA_SIZE } from "@/lib/teams/rota";
import { canManageScope } from "@/lib/webhooks/webhook-access";

type Params = Promise<{ slug: string }>;

// Metadata and page both need the team; cache() makes that one query per request.
const loadTeam = cache(async (slug: string) => {
  const person = await requirePerson();
  requirePermission(person, "catalog.read");
  return getTeamBySlug(db(), person, slug);
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const team = await loadTeam((await params).slug);
  return { title: team?.name ?? "Team not found" };
}

export default async function TeamPage({ params }: { params: Params }) {
  const person = await requirePerson();
  requirePermission(person, "catalog.read");
  const team = await loadTeam((await params).slug);
  if (!team) notFound();
  const [balance] = await teamBalances(db(), [team.id], new Date());
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href="/teams">All teams</BackLink>}
        title={team.name}
        description={team.description || undefined}
        actions={
          <>
            <ButtonLink href={`/teams/${team.slug}/backlog`}>Backlog</ButtonLink>
            {(await canManageScope(db(), person, team.id)) ? <ButtonLink href={`/teams/${team.slug}/webhooks`}>Webhooks</ButtonLink> : null}
            {can(person, "teams.manage") ? <ButtonLink href={`/teams/${team.slug}/edit`}>Edit team</ButtonLink> : null}
          </>
        }
      />
      <div className="space-y-6">
        <TeamFacts team={team} />
        {isThinRota(team.members.length) ? (
          <p className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
            <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            With fewer than {MIN_ROTA_SIZE} members this team cannot sustain a fair on-call rota.
          </p>
        ) : null}
        {balance ? (
          <Card aria-labelledby="balance-heading">
            <CardHeader titleId="balance-heading" title="Operational and product balance" description="From the team's backlog, by estimate." />
            <CardContent className="space-y-6">
              {balance.signal ? <BalanceSignal signal={balance.signal} /> : null}
              <BalanceSummary balance={balance} />
              <DoneShareChart balance={balance} id="team-done-share" />
            </CardContent>
          </Card>
        ) : null}
        <Card aria-labelledby="members-heading">
          <CardHeader titleId="members-heading" title="Members" description="People who build and run this team's services." />
          {team.members.length ? (
            <TeamMembersTable members={team.members} teamName={team.name} />
          ) : (
            <CardContent>
              <EmptyState icon={<Users />} title="No members yet" description="An admin can add people to this team." />
            </CardContent>
          )}
        </Card>
        <Card aria-labelledby="services-heading">
          <CardHeader titleId="services-heading" title="Services" description="Services this team owns: it builds them and supports them in production." />
          {team.services.length ? (
            <OwnedServicesTable services={team.services} teamName={team.name} />
          ) : (
            <CardContent>
              <EmptyState icon={<Boxes />} title="This team owns no services yet" />
            </CardContent>
          )}
        </Card>
      </div>
    </>
  );
}
