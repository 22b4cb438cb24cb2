import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";
import { cx } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { getServiceBySlug } from "@/lib/catalog/queries";
import { db } from "@/lib/db";
import { fillTemplate } from "@/lib/runbooks/fill-template";
import { newRunbookPath } from "@/lib/runbooks/paths";
import { listTemplates, ownerOptions } from "@/lib/runbooks/queries";
import { renderMarkdown } from "@/lib/runbooks/render-markdown";
import { createRunbookAction } from "../actions";

export const metadata: Metadata = { title: "New runbook" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewRunbookPage({ searchParams }: { searchParams: SearchParams }) {
  const person = await requirePerson();
  const params = await searchParams;
  const serviceSlug = typeof params.service === "string" ? params.service : "";
  const templateSlug = typeof params.template === "string" ? params.template : "";
  const service = serviceSlug ? await getServiceBySlug(db(), serviceSlug) : null;
  if (!service) notFound();
  requirePermission(person, "runbooks.edit", { teamId: service.team.id });
  const [templates, owners] = await Promise.all([listTemplates(db()), ownerOptions(db(), service.team.id)]);
  const template = templates.find((candidate) => candidate.slug === templateSlug);
  const fill = (text: string) => fillTemplate(text, { service: service.name, team: service.team.name });
  const body = template ? fill(template.body) : "";
  const chooser = (slug: string) => `${newRunbookPath(service.slug)}${slug ? `&template=${slug}` : ""}`;
  return (
    <>
      <PageHeader eyebrow={<TextLink href={`/services/${service.slug}`}>← {service.name}</TextLink>} title={`New runbook for ${service.name}`}
        description="Start from a template or a blank page. Everyone signed in can read it; your team and admins can edit it." />
      <nav aria-label="Templates" className="mb-6">
        <p className="mb-2 text-sm font-medium">Start from</p>
        <ul className="flex flex-wrap gap-2">
          {[{ slug: "", name: "Blank page", description: "" }, ...templates].map((option) => {
            const current = option.slug === (template?.slug ?? "");
            return (
              <li key={option.slug || "blank"}>
                <Link href={chooser(option.slug)} aria-current={current ? "page" : undefined} title={option.description}
                  className={cx("inline-block rounded-md border px-3 py-1.5 text-sm", current ? "border-brand-600 bg-brand-50 font-medium dark:bg-brand-950" : "border-line-strong hover:bg-surface-muted")}>
                  {option.name}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <RunbookEditor
        key={template?.slug ?? "blank"}
        action={createRunbookAction.bind(null, service.slug)}
        owners={owners}
        submitLabel="Create runbook"
        cancelHref={`/services/${service.slug}`}
        initialPreview={renderMarkdown(body)}
        initial={{
          title: template ? `${service.name}: ${template.name.toLowerCase()}` : "",
          body,
          tags: template ? template.tags.join(", ") : "",
          alertNames: "",
          reviewIntervalDays: "90",
          ownerId: owners.some((owner) => owner.id === person.id) ? person.id : "",
          summary: "",
        }}
      />
    </>
  );
}
