import { ArrowRight, Boxes } from "lucide-react";
import { OpenIncidentsCard } from "@/components/incidents/open-incidents-card";
import { StaleRunbooksCard } from "@/components/runbooks/stale-runbooks-card";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { EngineerHome as EngineerHomeData } from "@/lib/home/queries";
import { OnCallCard } from "./oncall-card";
import { RequestsWaitingCard } from "./requests-waiting-card";
import { TeamServicesTable } from "./team-services-table";
import { YourTeams } from "./your-teams";

export function EngineerHome({ data }: { data: EngineerHomeData }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <RequestsWaitingCard requests={data.requestsWaiting} className="lg:col-span-3" />
      {data.openIncidents.length ? (
        <div className="lg:col-span-3">
          <OpenIncidentsCard incidents={data.openIncidents} title="Open incidents for you and your teams" allHref="/incidents?status=open" declareHref="/incidents/new" empty="" />
        </div>
      ) : null}
      <div className="lg:col-span-3">
        <OnCallCard onCall={data.onCall} />
      </div>
      <Card aria-labelledby="team-services-heading" className="lg:col-span-2">
        <CardHeader
          titleId="team-services-heading"
          title="Your teams' services"
          description="What your teams build and run, with the availability target each one is held to."
          actions={<ButtonLink href="/services" size="sm" variant="ghost">All services<ArrowRight aria-hidden="true" /></ButtonLink>}
        />
        {data.services.length ? (
          <TeamServicesTable services={data.services} caption="Services owned by your teams" showLastDeployment />
        ) : (
          <CardContent>
            <EmptyState
              icon={<Boxes />}
              title="Your teams own no services yet"
              description={
                data.teams.length
                  ? "Services appear here once they are registered in the catalog with one of your teams as owner."
                  : "Once you are in a team, the services it owns appear here."
              }
            />
          </CardContent>
        )}
      </Card>
      <div className="space-y-6">
        <YourTeams teams={data.teams} />
        <StaleRunbooksCard runbooks={data.staleRunbooks} />
      </div>
    </div>
  );
}
