import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryCard } from "@/components/audit/entity-history";
import { ServiceLinks } from "@/components/catalog/service-links";
import { ServiceOwnership } from "@/components/catalog/service-ownership";
import { ServiceReliability } from "@/components/catalog/service-reliability";
import { ServiceRunbooksCard } from "@/components/runbooks/service-runbooks-card";
import { ServiceDeploymentsCard } from "@/components/deployments/service-deployments-card";
import { OnCallNowCard } from "@/components/oncall/oncall-now-card";
import { OpenIncidentsCard } from "@/components/incidents/open-incidents-card";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { LIFECYCLE_LABEL, TIER_LABEL } from "@/lib/catalog/labels";
import { getServiceBySlug } from "@/lib/catalog/queries";
import { db } from "@/lib/db";
import { organisationMoneyUnit } from "@/lib/settings/queries";
import { listServiceRunbooks } from "@/lib/runbooks/queries";
import { environmentMatrix } from "@/lib/deployments/queries";
import { getOnCallNow } from "@/lib/oncall/get-oncall-now";
import { openIncidentsOf } from "@/lib/incidents/queries";
import { ServiceAvailabilityCard } from "@/components/reliability/service-availability-card";
import { budgetPolicyState, serviceAvailabilityView } from "@/lib/reliability/queries";
import { ServiceReviewsCard } from "@/components/reviews/incident-review-card";
import { reviewsOfService } from "@/lib/reviews/queries";
import { ServiceHypothesesCard } from "@/components/hypotheses/service-hypotheses-card";
import { hypothesesOfService } from "@/lib/hypotheses/queries";
import { recordBudgetExceptionAction } from "./budget-actions";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function ServicePage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "catalog.read");
  const { slug } = await params;
  const service = await getServiceBySlug(db(), slug);
  if (!service) notFound();
  const [history, runbooks, deployed, [oncall], unit, incidents, availability, policy, reviews, hypotheses] = await Promise.all([
    listEntityHistory(db(), "Service", service.id),
    listServiceRunbooks(db(), service.id),
    environmentMatrix(db(), { service: service.slug }),
    getOnCallNow(db(), { slug: service.slug }),
    organisationMoneyUnit(db()),
    openIncidentsOf(db(), [service.id], 10),
    serviceAvailabilityView(db(), service.slug),
    budgetPolicyState(db(), service.id),
    reviewsOfService(db(), service.id),
    hypothesesOfService(db(), service),
  ]);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/services">← Services</TextLink>}
        title={
          <span className="flex flex-wrap items-center gap-2">
            {service.name}
            <Badge>{LIFECYCLE_LABEL[service.lifecycle]}</Badge>
            <Badge tone={service.tier === "TIER_1" ? "danger" : "neutral"}>{TIER_LABEL[service.tier]}</Badge>
            {service.archived ? <Badge tone="warning">Archived</Badge> : null}
          </span>
        }
        description={service.description || "No description yet."}
        actions={
          <>
            <ButtonLink href={`/teams/${service.team.slug}/backlog`}>{service.team.name} backlog</ButtonLink>
            {can(person, "tokens.manage", { teamId: service.team.id }) ? <ButtonLink href={`/services/${service.slug}/tokens`}>API tokens</ButtonLink> : null}
            {can(person, "services.edit", { teamId: service.team.id }) ? <ButtonLink href={`/services/${service.slug}/edit`}>Edit service</ButtonLink> : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ServiceReliability service={service} unit={unit} />
          {availability ? (
            <ServiceAvailabilityCard view={availability} policy={policy}
              recordException={can(person, "reliability.budget-exception", { teamId: service.team.id }) ? recordBudgetExceptionAction.bind(null, service.slug) : null} />
          ) : null}
          <OpenIncidentsCard incidents={incidents} allHref={`/incidents?service=${service.slug}`} empty="No open incidents."
            declareHref={!service.archived && can(person, "incidents.declare") ? `/incidents/new?service=${service.slug}` : null} />
          {oncall ? <OnCallNowCard oncall={oncall} /> : null}
          <ServiceRunbooksCard serviceSlug={service.slug} runbooks={runbooks}
            mayCreate={!service.archived && can(person, "runbooks.edit", { teamId: service.team.id })} />
          <ServiceDeploymentsCard slug={service.slug} matrix={deployed} />
          <ServiceReviewsCard reviews={reviews} serviceSlug={service.slug} />
          <ServiceHypothesesCard slug={service.slug} hypotheses={hypotheses}
            mayWrite={!service.archived && can(person, "hypotheses.manage", { teamId: service.team.id, serviceId: service.id })} />
          <EntityHistoryCard events={history} title="Change history" />
        </div>
        <div className="space-y-6">
          <ServiceOwnership service={service} />
          <ServiceLinks service={service} />
        </div>
      </div>
    </>
  );
}
