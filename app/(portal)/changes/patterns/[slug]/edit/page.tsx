import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatternForm } from "@/components/changes/pattern-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { changeFormOptions, getPattern } from "@/lib/changes/queries";
import { db } from "@/lib/db";
import { savePatternAction } from "../../../actions";

export const metadata: Metadata = { title: "Edit deployment pattern" };

export default async function EditPatternPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "patterns.manage");
  const pattern = await getPattern(db(), (await params).slug);
  if (!pattern) notFound();
  const options = await changeFormOptions(db());
  return (
    <>
      <PageHeader eyebrow={<TextLink href={`/changes/patterns/${pattern.slug}`}>← {pattern.name}</TextLink>} title={`Edit ${pattern.name}`} />
      <PatternForm action={savePatternAction.bind(null, pattern.id)} submitLabel="Save pattern" services={options.services} teams={options.teams} environments={options.environments} values={{ ...pattern, rules: pattern.rules ?? [] }} />
    </>
  );
}
