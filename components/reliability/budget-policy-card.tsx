import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import { formatDuration } from "@/lib/catalog/availability";
import type { PolicyOverview } from "@/lib/reliability/overview";

const duration = (ms: number) => formatDuration(Math.max(0, Math.round(ms / 1000)));

/** The change manager's home: what the error-budget policy holds back now, and the exceptions running. */
export function BudgetPolicyCard({ overview }: { overview: PolicyOverview }) {
  return (
    <Card aria-labelledby="budget-policy-heading" data-testid="budget-policy">
      <CardHeader
        titleId="budget-policy-heading"
        title="Error-budget policy"
        description={overview.policyOn
          ? "On: the gate denies standard changes of a service that has spent its 28-day error budget, until it recovers."
          : "Off: a spent error budget does not hold back standard changes. Admins turn it on in the organisation settings."}
      />
      {overview.policyOn ? (
        <CardContent className="space-y-4 text-sm">
          <div>
            <h3 className="font-medium text-fg">Standard changes denied ({overview.held.length})</h3>
            {overview.held.length ? (
              <ul className="mt-1 space-y-1">
                {overview.held.map((service) => (
                  <li key={service.slug}>
                    <TextLink href={`/services/${service.slug}`}>{service.name}</TextLink>{" "}
                    <span className="text-fg-muted tabular-nums">{duration(service.report.period.unavailableMs)} down of {duration(service.report.period.budgetMs)} tolerated</span>
                  </li>
                ))}
              </ul>
            ) : <p className="text-fg-muted">No service has spent its budget.</p>}
          </div>
          <div>
            <h3 className="font-medium text-fg">Exceptions running ({overview.exceptions.length})</h3>
            {overview.exceptions.length ? (
              <ul className="mt-1 space-y-1">
                {overview.exceptions.map((exception) => (
                  <li key={exception.id}>
                    <TextLink href={`/services/${exception.service.slug}`}>{exception.service.name}</TextLink> until <DateTime value={exception.endsAt} />
                    {exception.recordedBy ? ` (${exception.recordedBy})` : ""}: <span className="text-fg-muted">{exception.reason}</span>
                  </li>
                ))}
              </ul>
            ) : <p className="text-fg-muted">None.</p>}
          </div>
        </CardContent>
      ) : null}
    </Card>
  );
}
