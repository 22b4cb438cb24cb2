import { ArrowRight, Boxes } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDuration, targetLabel, tolerableDowntimePerWeek } from "@/lib/catalog/availability";
import type { ProductManagerHome as ProductManagerHomeData } from "@/lib/home/queries";
import { FlaggedServicesCard } from "@/components/reliability/flagged-services-card";
import { OnCallCard } from "./oncall-card";
import { RequestsWaitingCard } from "./requests-waiting-card";
import { StatList } from "./stat-list";
import { BalanceSignal, BalanceSummary } from "@/components/backlog/balance-card";
import { PmActionsCard, PmReviewsCard } from "./reviews-and-actions";
import { TeamOverviewCard } from "./team-overview-card";
import { SignalsLinkCard } from "./signals-link-card";
import { TeamServicesTable } from "./team-services-table";
import { WhatNeedsYouCard } from "./what-needs-you-card";
import { YourTeams } from "./your-teams";

export function ProductManagerHome({ data }: { data: ProductManagerHomeData }) {
  const aboveBand = data.services.filter((service) => service.aboveExposureBand).length;
  return (
    <div className="space-y-6">
      <WhatNeedsYouCard needs={data.needs} />
      <RequestsWaitingCard requests={data.requestsWaiting} />
      {/* Product managers on a rota see their shifts too; the others are spared an empty card. */}
      {data.onCall.current.length || data.onCall.next.length ? <OnCallCard onCall={data.onCall} /> : null}
      <FlaggedServicesCard services={data.reliability} />
      {data.overview.length ? (
        <section aria-labelledby="overview-heading" className="space-y-3">
          <div>
            <h2 id="overview-heading" className="text-base font-semibold">Your teams, last 28 days</h2>
            <p className="text-sm text-fg-muted">Availability against each target, the error budget left, time to restore, and deliveries against the deployment target.</p>
          </div>
          {data.overview.map((team) => {
            const balance = data.balances.find((candidate) => candidate.team.id === team.id);
            return (
              <TeamOverviewCard key={team.id} team={team} balance={balance ? (
                <div className="space-y-3">
                  {balance.signal ? <BalanceSignal signal={balance.signal} /> : null}
                  <BalanceSummary balance={balance} />
                </div>
              ) : undefined} />
            );
          })}
        </section>
      ) : null}
      {data.overview.length ? (
        <section className="grid gap-6 lg:grid-cols-2">
          <PmReviewsCard due={data.reviewsDue} candidates={data.reviewCandidates} completion={data.reviewCompletion} />
          <PmActionsCard actions={data.actions} />
        </section>
      ) : null}
      <section aria-labelledby="targets-heading" className="space-y-3">
        <div>
          <h2 id="targets-heading" className="text-base font-semibold">
            Your services by availability target
          </h2>
          <p className="text-sm text-fg-muted">
            Each target tolerates a fixed amount of unavailability a week; higher targets need more on-call cover.
          </p>
        </div>
        <StatList
          label="Services per availability target"
          stats={data.countsByTarget.map(({ target, count }) => ({
            label: targetLabel(target),
            value: count,
            detail: `up to ${formatDuration(tolerableDowntimePerWeek(target))} down a week`,
          }))}
        />
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="pm-services-heading" className="lg:col-span-2">
          <CardHeader
            titleId="pm-services-heading"
            title="Your teams' services"
            description={
              aboveBand
                ? `${aboveBand} of ${data.services.length} aim above what their financial exposure suggests: each needs a written justification.`
                : "Targets and deployment ambitions, checked against the organisation's exposure bands."
            }
            actions={<ButtonLink href="/services" size="sm" variant="ghost">All services<ArrowRight aria-hidden="true" /></ButtonLink>}
          />
          {data.services.length ? (
            <TeamServicesTable services={data.services} caption="Targets of services owned by your teams" showTargets />
          ) : (
            <CardContent>
              <EmptyState
                icon={<Boxes />}
                title="Your teams own no services yet"
                description="Services appear here once they are registered in the catalog with one of your teams as owner."
              />
            </CardContent>
          )}
        </Card>
        <YourTeams teams={data.teams} />
      </div>
      <SignalsLinkCard />
    </div>
  );
}
