import { Select } from "@/components/ui/select";

/** A labelled select for GET filter forms; the empty option means "any". */
export function FilterSelect({ id, label, value, options, any = "Any" }: { id: string; label: string; value?: string | number; options: readonly (readonly [string, string])[]; any?: string | null }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-fg">{label}</label>
      <Select id={id} name={id} defaultValue={value === undefined ? "" : String(value)}>
        {any === null ? null : <option value="">{any}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>{optionLabel}</option>
        ))}
      </Select>
    </div>
  );
}
