import { CheckCircle2 } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { Need, NeedKind } from "@/lib/home/what-needs-you";

const KIND: Record<NeedKind, { label: string; tone: BadgeTone }> = {
  SERVICE_BURNING: { label: "Error budget", tone: "danger" },
  REVIEW_OVERDUE: { label: "Review overdue", tone: "danger" },
  REVIEW_TO_SCHEDULE: { label: "Review to schedule", tone: "warning" },
  BALANCE: { label: "Balance", tone: "warning" },
  STUCK_ACTION: { label: "Stuck action", tone: "warning" },
  HYPOTHESIS_DUE: { label: "Hypothesis due", tone: "info" },
  SERVICE_OFF_TARGET: { label: "Off target", tone: "warning" },
  REVIEW_DUE: { label: "Review due", tone: "info" },
};

/** Shown at most; the rest are counted so nothing is silently dropped. */
export const NEEDS_SHOWN = 8;

export function WhatNeedsYouCard({ needs }: { needs: Need[] }) {
  const shown = needs.slice(0, NEEDS_SHOWN);
  return (
    <Card aria-labelledby="needs-heading" data-testid="what-needs-you">
      <CardHeader
        titleId="needs-heading"
        title="What needs you"
        description={needs.length ? "Decisions waiting for you across your teams, the most pressing first." : undefined}
      />
      <CardContent>
        {shown.length ? (
          <ol className="space-y-3">
            {shown.map((need, index) => (
              <li key={`${need.kind}-${index}`} className="flex flex-wrap items-start gap-x-3 gap-y-1">
                <Badge tone={KIND[need.kind].tone} className="shrink-0">{KIND[need.kind].label}</Badge>
                <span className="min-w-0 flex-1">
                  <TextLink href={need.href} className="font-medium">{need.title}</TextLink>
                  <span className="block text-sm text-fg-muted">{need.detail}</span>
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="flex items-center gap-2 text-sm text-fg-muted">
            <CheckCircle2 aria-hidden="true" className="size-4 text-emerald-600 dark:text-emerald-400" />
            Nothing is waiting for you: every service is on target, reviews are on time and no action is stuck.
          </p>
        )}
        {needs.length > shown.length ? <p className="mt-3 text-sm text-fg-muted">And {needs.length - shown.length} more.</p> : null}
      </CardContent>
    </Card>
  );
}
