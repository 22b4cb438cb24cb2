import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchiveServiceButton } from "@/components/catalog/archive-service-button";
import { ServiceForm } from "@/components/catalog/service-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePerson } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/page-access";
import { can } from "@/lib/authz/can";
import { catalogFilterOptions, exposureBands, getServiceForEdit } from "@/lib/catalog/queries";
import { targetChoices } from "@/lib/catalog/availability";
import { db } from "@/lib/db";
import { organisationMoneyUnit } from "@/lib/settings/queries";
import { setArchivedAction, updateServiceAction } from "../../actions";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  const { slug } = await params;
  const service = await getServiceForEdit(db(), slug);
  if (!service) notFound();
  requirePermission(person, "services.edit", { teamId: service.teamId });
  const [{ teams }, bands, unit] = await Promise.all([catalogFilterOptions(db()), exposureBands(db()), organisationMoneyUnit(db())]);
  // Ownership can move to any team the person may create services for, or stay where it is.
  const teamOptions = teams.filter((team) => team.id === service.teamId || can(person, "services.create", { teamId: team.id }));
  return (
    <>
      <PageHeader eyebrow={<TextLink href={`/services/${slug}`}>← {service.name}</TextLink>} title={`Edit ${service.name}`} />
      <ServiceForm
        action={updateServiceAction.bind(null, slug)}
        options={{ teams: teamOptions, bands, unit, targets: targetChoices() }}
        submitLabel="Save changes"
        initial={{
          name: service.name, slug: service.slug, description: service.description, teamId: service.teamId,
          lifecycle: service.lifecycle, tier: service.tier, maxLossPerHour: service.maxLossPerHour.toLocaleString("en-GB"),
          availabilityTarget: service.availabilityTarget, targetJustification: service.targetJustification ?? "",
          deploymentTarget: service.deploymentTarget, repositoryUrl: service.repositoryUrl ?? "", links: service.links,
        }}
      />
      {can(person, "services.archive", { teamId: service.teamId }) ? (
        <Card className="mt-10 max-w-3xl">
          <CardHeader
            title={service.archivedAt ? "Restore" : "Archive"}
            description={service.archivedAt ? "Bring the service back into the catalog." : "Retired services leave the catalog; their history and audit trail stay."}
          />
          <CardContent>
            <ArchiveServiceButton action={setArchivedAction.bind(null, slug, !service.archivedAt)} archived={Boolean(service.archivedAt)} serviceName={service.name} />
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
