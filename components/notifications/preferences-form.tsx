"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { FormState } from "@/lib/forms/initial-form-state";

type Row = { kind: string; label: string; channels: { IN_APP: boolean; EMAIL: boolean } };

/** One row per kind of notification, a box per channel; the boxes left ticked are posted as "kind|CHANNEL". */
export function PreferencesForm({ action, rows }: { action: (state: FormState, formData: FormData) => Promise<FormState>; rows: Row[] }) {
  return (
    <ActionForm action={action} submitLabel="Save settings">
      <table className="w-full max-w-3xl text-sm">
        <caption className="sr-only">Notification channels per kind</caption>
        <thead>
          <tr className="text-left text-fg-muted">
            <th scope="col" className="py-2 pr-4 font-medium">Tell me when</th>
            <th scope="col" className="w-28 py-2 font-medium">In Runwell</th>
            <th scope="col" className="w-28 py-2 font-medium">Email</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.kind} className="border-t border-line">
              <th scope="row" className="py-2 pr-4 text-left font-normal text-fg">{row.label}</th>
              {(["IN_APP", "EMAIL"] as const).map((channel) => (
                <td key={channel} className="py-2">
                  <input
                    type="checkbox"
                    name="on"
                    value={`${row.kind}|${channel}`}
                    defaultChecked={row.channels[channel]}
                    aria-label={`${row.label}: ${channel === "EMAIL" ? "email" : "in Runwell"}`}
                    className="size-4 accent-brand-600"
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ActionForm>
  );
}
