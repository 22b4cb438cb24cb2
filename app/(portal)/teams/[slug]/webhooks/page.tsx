import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listWebhooksOfScope, teamForWebhooks } from "@/lib/webhooks/queries";
import { scopeContext } from "@/lib/webhooks/webhook-access";
import { WebhooksView } from "../../../webhooks/webhooks-view";

export const metadata: Metadata = { title: "Team webhooks" };

export default async function TeamWebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  const { slug } = await params;
  const team = await teamForWebhooks(db(), slug);
  if (!team) notFound();
  requirePermission(person, "webhooks.manage", await scopeContext(db(), person, team.id));
  const webhooks = await listWebhooksOfScope(db(), person, team.id);
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href={`/teams/${team.slug}`}>{team.name}</BackLink>}
        title={`${team.name} webhooks`}
        description={`Events of ${team.name}'s services and on-call schedules, POSTed to another tool: signed per Standard Webhooks, or as a Slack message.`}
      />
      <WebhooksView webhooks={webhooks} teamSlug={team.slug} />
    </>
  );
}
