"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { LINK_KIND_LABEL } from "@/lib/catalog/labels";
import type { ServiceFormValues } from "./service-form-types";

type Link = ServiceFormValues["links"][number];

type Props = {
  links: Link[];
  onChange: (links: Link[]) => void;
  errors: Record<string, string[]>;
};

/** Dashboards, alert definitions and docs, as rows named links.<i>.<field> for the server action. */
export function ServiceLinksEditor({ links, onChange, errors }: Props) {
  const update = (index: number, patch: Partial<Link>) =>
    onChange(links.map((link, i) => (i === index ? { ...link, ...patch } : link)));
  return (
    <fieldset className="space-y-3 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-semibold text-fg">Links</legend>
      <p className="text-sm text-fg-muted">Dashboards, alert definitions and documentation people need during an incident.</p>
      {links.map((link, index) => {
        const rowErrors = ["kind", "label", "url"].flatMap((field) => errors[`links.${index}.${field}`] ?? []);
        return (
          <div key={index} className="space-y-1">
            <div className="grid gap-2 sm:grid-cols-[10rem_1fr_2fr_auto]">
              <Select aria-label={`Link ${index + 1} kind`} id={`links-${index}-kind`} name={`links.${index}.kind`}
                value={link.kind} onChange={(event) => update(index, { kind: event.target.value })}>
                {Object.entries(LINK_KIND_LABEL).map(([value, label]) => (
                  <option key={value} value={value}>{label}</option>
                ))}
              </Select>
              <Input aria-label={`Link ${index + 1} label`} id={`links-${index}-label`} name={`links.${index}.label`}
                placeholder="Label" value={link.label} aria-invalid={errors[`links.${index}.label`] ? true : undefined}
                onChange={(event) => update(index, { label: event.target.value })} />
              <Input aria-label={`Link ${index + 1} URL`} id={`links-${index}-url`} name={`links.${index}.url`}
                placeholder="https://" value={link.url} aria-invalid={errors[`links.${index}.url`] ? true : undefined}
                onChange={(event) => update(index, { url: event.target.value })} />
              <Button variant="ghost" aria-label={`Remove link ${index + 1}`}
                onClick={() => onChange(links.filter((_, i) => i !== index))}>
                <Trash2 aria-hidden="true" className="size-4" />
              </Button>
            </div>
            {rowErrors.length ? <p className="text-sm text-danger-fg">{rowErrors.join(" ")}</p> : null}
          </div>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => onChange([...links, { kind: "DASHBOARD", label: "", url: "" }])}>
        <Plus aria-hidden="true" className="size-4" /> Add link
      </Button>
    </fieldset>
  );
}
