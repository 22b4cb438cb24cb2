import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { TextLink } from "@/components/ui/text-link";
import { formatDuration, targetLabel } from "@/lib/catalog/availability";
import type { FormState } from "@/lib/forms/initial-form-state";
import { percentLabel } from "@/lib/reliability/availability-chart";
import type { BudgetException, ServiceAvailabilityView } from "@/lib/reliability/queries";
import type { BurnAlert } from "@/lib/reliability/availability";
import { BudgetExceptionForm } from "./budget-exception-form";
import { BudgetBar, WeeklyAvailabilityChart } from "./availability-charts";

const duration = (ms: number) => formatDuration(Math.max(0, Math.round(ms / 1000)));
const rate = (value: number | null) => (value === null ? "—" : `${value.toFixed(value >= 10 ? 0 : 1)}×`);

export function BurnBadge({ burn }: { burn: BurnAlert }) {
  if (burn === "FAST") return <Badge tone="danger">Burning budget fast</Badge>;
  if (burn === "SLOW") return <Badge tone="warning">Burning budget slowly</Badge>;
  return <Badge tone="success">No burn alert</Badge>;
}

type Props = {
  view: ServiceAvailabilityView;
  policy: { policyOn: boolean; exception: BudgetException | null };
  /** The exception form's action, for a product manager of the owning team; null for everyone else. */
  recordException: ((state: FormState, formData: FormData) => Promise<FormState>) | null;
};

export function ServiceAvailabilityCard({ view, policy, recordException }: Props) {
  const { last28, last90, weeks } = view;
  const restore = last90.timeToRestore;
  return (
    <Card aria-labelledby="availability-title" data-testid="service-availability">
      <CardHeader
        titleId="availability-title"
        title="Availability"
        description="From the impact windows of the incidents affecting this service, held to the target in force at the time."
        actions={<BurnBadge burn={last28.burn} />}
      />
      <CardContent className="space-y-5">
        <dl className="grid gap-4 sm:grid-cols-3">
          <Item label="Last 28 days">
            <span className="text-xl font-semibold tabular-nums" data-testid="availability-28">{percentLabel(last28.period.availability)}</span>
            <span className="block text-sm text-fg-muted">
              target {last28.target ? targetLabel(last28.target) : "—"} {last28.period.onTarget ? <Badge tone="success">On target</Badge> : <Badge tone="danger">Off target</Badge>}
            </span>
          </Item>
          <Item label="Last 90 days">
            <span className="text-xl font-semibold tabular-nums">{percentLabel(last90.period.availability)}</span>
            <span className="block text-sm text-fg-muted">{duration(last90.period.unavailableMs)} unavailable</span>
          </Item>
          <Item label="Time to restore (90 days)">
            {restore ? (
              <span className="tabular-nums">median {duration(restore.p50Ms)}, longest {duration(restore.maxMs)}</span>
            ) : <span className="text-fg-muted">Nothing to restore</span>}
            <span className="block text-sm text-fg-muted">{restore ? `${restore.count} restored` : ""}{restore?.ongoing ? `, ${restore.ongoing} still down` : ""}</span>
          </Item>
        </dl>
        <div>
          <p className="mb-1 text-sm font-medium text-fg">Error budget, last 28 days</p>
          <BudgetBar usedMs={last28.period.unavailableMs} budgetMs={last28.period.budgetMs} />
          <p className="mt-1 text-sm text-fg-muted tabular-nums" data-testid="budget-words">
            {duration(last28.period.unavailableMs)} used of {duration(last28.period.budgetMs)}:{" "}
            {last28.budgetSpent ? <strong className="text-danger-fg">spent, {duration(-last28.budgetLeftMs)} over</strong> : `${duration(last28.budgetLeftMs)} left`}
          </p>
          <p className="mt-1 text-sm text-fg-muted tabular-nums">
            Burn rate: {rate(last28.burnRates["1h"])} over 1 h, {rate(last28.burnRates["6h"])} over 6 h, {rate(last28.burnRates["3d"])} over 3 days
            <span className="sr-only"> (fast above 14.4× over 1 h or 6× over 6 h, slow above 1× over 3 days)</span>
          </p>
        </div>
        <WeeklyAvailabilityChart weeks={weeks} />
        <PolicyState view={view} policy={policy} recordException={recordException} />
      </CardContent>
    </Card>
  );
}

function PolicyState({ view, policy, recordException }: Props) {
  const { last28 } = view;
  let state: ReactNode;
  if (!policy.policyOn) state = <p>The organisation has no error-budget policy: a spent budget does not hold back standard changes.</p>;
  else if (!last28.budgetSpent) state = <p>Error-budget policy: the budget is not spent, so standard changes pass the gate as their pattern allows.</p>;
  else if (policy.exception) {
    state = (
      <p data-testid="budget-exception">
        Error-budget policy: the budget is spent, but {policy.exception.recordedBy ?? "a product manager"} made an exception until <DateTime value={policy.exception.endsAt} />: {policy.exception.reason}
      </p>
    );
  } else {
    state = (
      <>
        <p data-testid="budget-policy-denies"><Badge tone="danger">Standard changes denied</Badge> The 28-day budget is spent: the gate denies standard changes until it recovers. Normal and emergency changes go through their approvals.</p>
        {last28.incidents.length ? (
          <ul className="mt-1 list-inside list-disc">
            {last28.incidents.map((incident) => (
              <li key={incident.id}><TextLink href={`/incidents/${incident.id}`}>INC-{incident.number}</TextLink> {incident.title} ({duration(incident.minutesInPeriod * 60_000)})</li>
            ))}
          </ul>
        ) : null}
      </>
    );
  }
  return (
    <div className="space-y-3 border-t border-line pt-4 text-sm" aria-label="Error-budget policy">
      {state}
      {policy.policyOn && last28.budgetSpent && !policy.exception && recordException ? <BudgetExceptionForm action={recordException} /> : null}
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-fg-muted">{label}</dt>
      <dd className="mt-1 text-fg">{children}</dd>
    </div>
  );
}
