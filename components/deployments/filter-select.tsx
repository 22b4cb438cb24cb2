import { Select } from "@/components/ui/select";

/** A labelled select for GET filter forms; the empty option means "any". */
export const NARROWED_SERVICES_HINT = "Choose a team (and apply) to pick one of its services.";

export function FilterSelect({ id, label, value, options, any = "Any", hint }: { id: string; label: string; value?: string | number; options: readonly (readonly [string, string])[]; any?: string | null; hint?: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-fg">{label}</label>
      <Select id={id} name={id} defaultValue={value === undefined ? "" : String(value)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {any === null ? null : <option value="">{any}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>{optionLabel}</option>
        ))}
      </Select>
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-fg-muted">{hint}</p> : null}
    </div>
  );
}
