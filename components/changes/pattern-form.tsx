"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { RULE_KINDS, RULE_LABELS, SERVICE_TIERS, type RuleKind } from "@/lib/changes/pattern-rule-kinds";
import type { PatternRule } from "@/lib/changes/pattern-rules";
import type { FormState } from "@/lib/forms/initial-form-state";

type Option = { id: string; name: string };
export type PatternFormValues = {
  name: string; slug: string; description: string; serviceIds: string[]; teamIds: string[]; environmentIds: string[]; tiers: string[]; rules: PatternRule[];
};

const RULE_HINTS: Record<RuleKind, string> = {
  tier: "Only services of these tiers.",
  "change-failure-rate": "Failed or rolled-back deployments over finished ones, per environment.",
  "track-record": "A new service earns standard changes by deploying often enough first.",
  "health-checks-passed": "Counts against the service when a required check failed or went missing.",
  "automated-pipeline": "The gate is asked with an API token.",
  "outside-freeze": "Recommended: freezes deny anyway, this makes the reason visible.",
  "on-call": "Someone must cover the service at the planned time.",
};

const tierLabel = (tier: string) => tier.replace("TIER_", "Tier ");

/** Each rule's number inputs and their labels: the inputs below and the error summary share them. */
const RULE_PARAMS: Partial<Record<RuleKind, { field: string; label: string }[]>> = {
  "change-failure-rate": [{ field: "maxPercent", label: "At most (%)" }, { field: "days", label: "Over the last (days)" }],
  "track-record": [{ field: "count", label: "At least (deployments)" }, { field: "days", label: "In the last (days)" }],
  "health-checks-passed": [{ field: "count", label: "Last (deployments)" }],
};

/** The error summary names fields as the form shows them ("Change failure rate, at most (%)"), never by input name. */
const SUMMARY_LABELS: Record<string, string> = {
  name: "Name", slug: "Slug", description: "Description", rules: "Rules",
  environmentIds: "Environments", tiers: "Tiers", teamIds: "Teams", serviceIds: "Services",
  "rule-tier-tiers": `${RULE_LABELS.tier}, tiers allowed`,
  ...Object.fromEntries(
    Object.entries(RULE_PARAMS).flatMap(([kind, params]) => params.map(({ field, label }) => [`rule-${kind}-${field}`, `${RULE_LABELS[kind as RuleKind]}, ${label.charAt(0).toLowerCase()}${label.slice(1)}`])),
  ),
};

function MultiCheck({ name, legend, options, selected, hint, error }: { name: string; legend: string; options: Option[]; selected: string[]; hint: string; error?: string[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      <p className="text-xs text-fg-muted">{hint}</p>
      <div className="flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto text-sm">
        {options.map((option) => (
          <label key={option.id} className="flex items-center gap-1.5">
            <input type="checkbox" name={name} value={option.id} defaultChecked={selected.includes(option.id)} /> {option.name}
          </label>
        ))}
      </div>
      {error ? <p className="text-sm text-danger-fg">{error.join(" ")}</p> : null}
    </fieldset>
  );
}

const RULE_DEFAULTS: Record<string, number> = { "change-failure-rate-maxPercent": 15, "change-failure-rate-days": 30, "track-record-count": 5, "track-record-days": 30, "health-checks-passed-count": 5 };

function ruleParam(rule: PatternRule | undefined, field: string): number | undefined {
  const value = rule ? (rule as Record<string, unknown>)[field] : undefined;
  return typeof value === "number" ? value : undefined;
}

function NumberInput({ kind, field, label, value, errors }: { kind: RuleKind; field: string; label: string; value: number | undefined; errors: Record<string, string[]> }) {
  const id = `rule-${kind}-${field}`;
  return (
    <Field id={id} label={label} errors={errors[id]} className="w-40">
      {(control) => <Input {...control} name={id} type="number" defaultValue={value ?? ""} />}
    </Field>
  );
}

export function PatternForm({ action, values, services, teams, environments, submitLabel }: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values: PatternFormValues;
  services: Option[];
  teams: Option[];
  environments: Option[];
  submitLabel: string;
}) {
  const rule = <K extends RuleKind>(kind: K) => values.rules.find((candidate) => candidate.kind === kind) as Extract<PatternRule, { kind: K }> | undefined;
  return (
    <ActionForm action={action} submitLabel={submitLabel} className="max-w-4xl space-y-6" labels={SUMMARY_LABELS}>
      {(errors) => (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            <Field id="name" label="Name" errors={errors.name} required>{(control) => <Input {...control} name="name" defaultValue={values.name} />}</Field>
            <Field id="slug" label="Slug" hint="Used in URLs and by the API." errors={errors.slug} required>{(control) => <Input {...control} name="slug" defaultValue={values.slug} />}</Field>
          </div>
          <Field id="description" label="Description" errors={errors.description}>{(control) => <Textarea {...control} name="description" rows={2} defaultValue={values.description} />}</Field>
          <section aria-labelledby="coverage-title" className="space-y-4 rounded-md border border-line p-4">
            <h2 id="coverage-title" className="font-semibold">Coverage</h2>
            <MultiCheck name="environmentIds" legend="Environments" options={environments} selected={values.environmentIds} hint="None ticked: every environment." error={errors.environmentIds} />
            <MultiCheck name="tiers" legend="Tiers" options={SERVICE_TIERS.map((tier) => ({ id: tier, name: tierLabel(tier) }))} selected={values.tiers} hint="None ticked: every tier." error={errors.tiers} />
            <MultiCheck name="teamIds" legend="Teams" options={teams} selected={values.teamIds} hint="None ticked: every team." error={errors.teamIds} />
            <MultiCheck name="serviceIds" legend="Services" options={services} selected={values.serviceIds} hint="None ticked: every service the other choices allow." error={errors.serviceIds} />
          </section>
          <section aria-labelledby="rules-title" className="space-y-3 rounded-md border border-line p-4">
            <h2 id="rules-title" className="font-semibold">Eligibility rules</h2>
            <p className="text-sm text-fg-muted">A covered service is eligible for a standard change when every ticked rule passes, evaluated against live data at the gate.</p>
            {errors.rules ? <p className="text-sm text-danger-fg">{errors.rules.join(" ")}</p> : null}
            {RULE_KINDS.map((kind) => (
              <div key={kind} className="space-y-2 border-t border-line pt-3">
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name={`rule-${kind}`} defaultChecked={!!rule(kind)} className="mt-1" />
                  <span><strong>{RULE_LABELS[kind]}</strong><span className="block text-fg-muted">{RULE_HINTS[kind]}</span></span>
                </label>
                <div className="flex flex-wrap gap-4 pl-6">
                  {kind === "tier" ? (
                    <fieldset>
                      <legend className="sr-only">Tiers allowed</legend>
                      <div className="flex gap-3 text-sm">
                        {SERVICE_TIERS.map((tier) => (
                          <label key={tier} className="flex items-center gap-1.5"><input type="checkbox" name="rule-tier-tiers" value={tier} defaultChecked={rule("tier")?.tiers.includes(tier) ?? tier !== "TIER_1"} /> {tierLabel(tier)}</label>
                        ))}
                      </div>
                      {errors["rule-tier-tiers"] ? <p className="text-sm text-danger-fg">{errors["rule-tier-tiers"].join(" ")}</p> : null}
                    </fieldset>
                  ) : null}
                  {(RULE_PARAMS[kind] ?? []).map(({ field, label }) => (
                    <NumberInput key={field} kind={kind} field={field} label={label} value={ruleParam(rule(kind), field) ?? RULE_DEFAULTS[`${kind}-${field}`]} errors={errors} />
                  ))}
                </div>
              </div>
            ))}
          </section>
        </>
      )}
    </ActionForm>
  );
}
