import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { ChainStatus } from "@/lib/audit/verify-audit-chain";
import { VerifyChainButton } from "./verify-chain-button";

/** The chain's state as last recorded: verifying a million events on every page view would take seconds. */
export function ChainStatusCard({ status, canVerify }: { status: ChainStatus; canVerify: boolean }) {
  const check = status.lastCheck;
  return (
    <Card className="mb-6" aria-labelledby="chain-status-title">
      <CardHeader
        titleId="chain-status-title"
        title="Chain verification"
        description="Each event's SHA-256 hash covers its content and the previous event's hash, so a changed or removed event breaks the chain from there on."
        actions={canVerify ? <VerifyChainButton /> : null}
      />
      <CardContent className="space-y-2 text-sm" data-testid="chain-status">
        {!check ? (
          <p><Badge tone="warning">Not verified yet</Badge> {status.sealedTotal} sealed events have never been verified.</p>
        ) : check.ok ? (
          <p>
            <Badge tone="success">Intact</Badge> Verified through event #{check.throughSeq ?? 0}{" "}
            ({check.kind === "FULL" ? "full check from the first event" : `incremental check of ${check.checked} new events`}) by {check.actorLabel},{" "}
            <DateTime value={check.finishedAt} />.
          </p>
        ) : (
          <p>
            <Badge tone="danger">Broken</Badge> The {check.kind.toLowerCase()} check by {check.actorLabel} (<DateTime value={check.finishedAt} />) found
            the first bad event
            {check.firstBroken ? (
              <>
                {" "}#{check.firstBroken.seq}: <span className="font-mono text-xs">{check.firstBroken.action}</span> on{" "}
                <Link className="text-link underline-offset-2 hover:underline" href={`/audit?entityType=${check.firstBroken.entityType}&entityId=${check.firstBroken.entityId}`}>
                  {check.firstBroken.entityType} {check.firstBroken.entityId}
                </Link>
              </>
            ) : null}
            . Someone changed the database outside Runwell: keep a copy of it and investigate.
          </p>
        )}
        {check?.ok && status.unverified > 0 ? (
          <p className="text-fg-muted">{status.unverified} events were sealed after that check and are not verified yet.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
