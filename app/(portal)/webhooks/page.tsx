import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listWebhooksOfScope } from "@/lib/webhooks/queries";
import { WebhooksView } from "./webhooks-view";

export const metadata: Metadata = { title: "Organisation webhooks" };

export default async function OrganisationWebhooksPage() {
  const person = await requirePerson();
  requirePermission(person, "webhooks.manage");
  const webhooks = await listWebhooksOfScope(db(), person, null);
  return (
    <>
      <PageHeader
        title="Organisation webhooks"
        description={<>Every event these webhooks subscribe to, from every team, is POSTed to them, signed per Standard Webhooks, or as a Slack message. Teams keep their own on their team page. See <TextLink href="https://www.standardwebhooks.com">standardwebhooks.com</TextLink> for verifying signatures.</>}
      />
      <WebhooksView webhooks={webhooks} teamSlug={null} />
    </>
  );
}
