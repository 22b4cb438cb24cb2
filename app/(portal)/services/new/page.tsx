import type { Metadata } from "next";
import { ServiceForm } from "@/components/catalog/service-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { catalogFilterOptions, exposureBands } from "@/lib/catalog/queries";
import { targetChoices } from "@/lib/catalog/availability";
import { db } from "@/lib/db";
import { organisationMoneyUnit } from "@/lib/settings/queries";
import { forbidden } from "next/navigation";
import { createServiceAction } from "../actions";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  const person = await requirePerson();
  const [{ teams }, bands, unit] = await Promise.all([catalogFilterOptions(db()), exposureBands(db()), organisationMoneyUnit(db())]);
  // Only teams the person may create services for are offered; the use case checks again.
  const allowedTeams = teams.filter((team) => can(person, "services.create", { teamId: team.id }));
  if (allowedTeams.length === 0) forbidden();
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/services">← Services</TextLink>}
        title="New service"
        description="Register a service your team builds and runs. The availability target follows from the financial exposure of an hour of downtime."
      />
      <ServiceForm
        action={createServiceAction}
        options={{ teams: allowedTeams, bands, unit, targets: targetChoices() }}
        submitLabel="Create service"
        deriveSlug
        initial={{
          name: "", slug: "", description: "", teamId: allowedTeams.length === 1 ? allowedTeams[0]!.id : "",
          lifecycle: "EXPERIMENTAL", tier: "TIER_3", maxLossPerHour: "0", availabilityTarget: "P95_0",
          targetJustification: "", deploymentTarget: "WEEKLY", repositoryUrl: "", links: [],
        }}
      />
    </>
  );
}
