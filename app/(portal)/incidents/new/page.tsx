import type { Metadata } from "next";
import { DeclareIncidentForm } from "@/components/incidents/declare-incident-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { organisationMoneyUnit } from "@/lib/settings/queries";
import { declareIncidentAction } from "../actions";

export const metadata: Metadata = { title: "Declare an incident" };

export default async function DeclareIncidentPage({ searchParams }: { searchParams: Promise<{ service?: string | string[] }> }) {
  const person = await requirePerson();
  requirePermission(person, "incidents.declare");
  const wanted = (await searchParams).service;
  const slug = typeof wanted === "string" ? wanted.slice(0, 100) : undefined;
  const [service, bands, unit] = await Promise.all([
    slug ? db().service.findFirst({ where: { slug, archivedAt: null }, select: { slug: true, name: true, team: { select: { name: true } } } }) : null,
    db().exposureBand.findMany({ select: { minLossPerHour: true, availabilityTarget: true } }),
    organisationMoneyUnit(db()),
  ]);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/incidents">← Incidents</TextLink>}
        title="Declare an incident"
        description="Say what is wrong and where. The responding service's on-call person is paged at once; you can revise the impact as you learn more."
      />
      <div className="max-w-2xl">
        <DeclareIncidentForm
          action={declareIncidentAction}
          initialServices={service ? [{ slug: service.slug, name: service.name, team: service.team.name }] : []}
          bands={bands}
          unit={unit}
          mayDeclareMajor={can(person, "incidents.declare-major")}
        />
      </div>
    </>
  );
}
