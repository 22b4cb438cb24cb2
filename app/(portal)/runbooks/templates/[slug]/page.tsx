import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/runbooks/action-button";
import { TemplateForm } from "@/components/runbooks/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getTemplate } from "@/lib/runbooks/queries";
import { renderMarkdown } from "@/lib/runbooks/render-markdown";
import { deleteTemplateAction, saveTemplateAction } from "../actions";

export const metadata: Metadata = { title: "Edit runbook template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "runbook-templates.manage");
  const template = await getTemplate(db(), (await params).slug);
  if (!template) notFound();
  return (
    <>
      <PageHeader eyebrow={<TextLink href="/runbooks/templates">← Templates</TextLink>} title={`Template: ${template.name}`}
        description="Changes apply to runbooks made from now on; existing runbooks keep their text."
        actions={<ActionButton action={deleteTemplateAction.bind(null, template.slug)} label="Delete template" pendingLabel="Deleting…" variant="danger"
          confirm={`Delete the template “${template.name}”? Runbooks made from it stay.`} />} />
      <TemplateForm action={saveTemplateAction.bind(null, template.slug)} submitLabel="Save template" initialPreview={renderMarkdown(template.body)}
        initial={{ name: template.name, slug: template.slug, description: template.description, tags: template.tags.join(", "), body: template.body, isStarter: template.isStarter }} />
    </>
  );
}
