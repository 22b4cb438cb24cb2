import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
};

/** A checkbox with its label beside it; it carries its own hint and errors, like Field does for other controls. */
export function Checkbox({ id, label, hint, errors, className, ...props }: CheckboxProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex items-start gap-3", className)}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className="mt-0.5 size-4 shrink-0 rounded border-line-strong accent-brand-600"
        {...props}
      />
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-fg">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-fg-muted">
            {hint}
          </p>
        ) : null}
        {errorId ? (
          <p id={errorId} className="mt-1 text-danger-fg">
            {errors!.join(" ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
