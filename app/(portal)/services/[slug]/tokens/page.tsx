import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { TokenTable } from "@/components/tokens/token-table";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { getServiceBySlug } from "@/lib/catalog/queries";
import { db } from "@/lib/db";
import { listServiceTokens } from "@/lib/tokens/queries";
import { TOKEN_SCOPES } from "@/lib/tokens/schemas";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function ServiceTokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  const { slug } = await params;
  const service = await getServiceBySlug(db(), slug);
  if (!service) notFound();
  requirePermission(person, "tokens.manage", { teamId: service.team.id });
  const tokens = await listServiceTokens(db(), service.id);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href={`/services/${slug}`}>← {service.name}</TextLink>}
        title="API tokens"
        description={<>Tokens let {service.name}&apos;s pipeline report deployments and health checks. See <TextLink href="/deployments/api">Pipeline API</TextLink>. Every use is recorded in the audit trail.</>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {tokens.length ? (
            <TokenTable
              tokens={tokens}
              now={new Date()}
              revokeButton={(token) => <RevokeTokenButton action={revokeTokenAction.bind(null, slug, token.id)} name={token.name} />}
            />
          ) : (
            <EmptyState title="No tokens yet" description="Create one for the pipeline that deploys this service." />
          )}
        </div>
        <Card aria-labelledby="new-token-title">
          <CardHeader titleId="new-token-title" title="New token" />
          <CardContent><CreateTokenForm action={createTokenAction.bind(null, slug)} scopes={TOKEN_SCOPES} /></CardContent>
        </Card>
      </div>
    </>
  );
}
