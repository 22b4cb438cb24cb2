import type { Metadata } from "next";
import { TemplateForm } from "@/components/runbooks/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { renderMarkdown } from "@/lib/runbooks/render-markdown";
import { saveTemplateAction } from "../actions";

export const metadata: Metadata = { title: "New runbook template" };

export default async function NewTemplatePage() {
  const person = await requirePerson();
  requirePermission(person, "runbook-templates.manage");
  const body = "# {{service}}: \n";
  return (
    <>
      <PageHeader eyebrow={<TextLink href="/runbooks/templates">← Templates</TextLink>} title="New runbook template" />
      <TemplateForm action={saveTemplateAction.bind(null, null)} submitLabel="Create template" initialPreview={renderMarkdown(body)}
        initial={{ name: "", slug: "", description: "", tags: "", body, isStarter: false }} />
    </>
  );
}
