import type { Metadata } from "next";
import { PatternForm } from "@/components/changes/pattern-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { changeFormOptions } from "@/lib/changes/queries";
import { db } from "@/lib/db";
import { savePatternAction } from "../../actions";

export const metadata: Metadata = { title: "New deployment pattern" };

export default async function NewPatternPage() {
  const person = await requirePerson();
  requirePermission(person, "patterns.manage");
  const options = await changeFormOptions(db());
  const production = options.environments.filter((environment) => environment.isProduction).map((environment) => environment.id);
  return (
    <>
      <PageHeader eyebrow={<TextLink href="/changes/patterns">← Deployment patterns</TextLink>} title="New deployment pattern" />
      <PatternForm
        action={savePatternAction.bind(null, null)}
        submitLabel="Create pattern"
        services={options.services}
        teams={options.teams}
        environments={options.environments}
        values={{
          name: "", slug: "", description: "", serviceIds: [], teamIds: [], environmentIds: production, tiers: [],
          rules: [{ kind: "track-record", count: 5, days: 30 }, { kind: "change-failure-rate", days: 30, maxPercent: 15 }, { kind: "automated-pipeline" }, { kind: "outside-freeze" }],
        }}
      />
    </>
  );
}
