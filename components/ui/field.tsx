import type { ReactNode } from "react";
import { cx } from "./cx";

/** Props a Field hands to its control so label, hint and errors are announced with it. */
export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  required: boolean | undefined;
};

export type FieldProps = {
  /** The control's id; hint and error ids derive from it (`<id>-hint`, `<id>-error`). */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  required?: boolean;
  className?: string;
  /** A render prop rather than cloneElement, so the wiring is visible and type-checked at the call site. */
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * Label + control + hint + errors. Errors sit in a plain paragraph referenced by aria-describedby;
 * the form's FormErrorSummary is the one live region, so screen readers do not hear every error twice.
 */
export function Field({ id, label, hint, errors, required, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
        {required ? (
          <span className="ml-1 text-fg-muted" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children({ id, "aria-invalid": errorId ? true : undefined, "aria-describedby": describedBy, required })}
      {hint ? (
        <p id={hintId} className="text-sm text-fg-muted">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <div id={errorId} className="space-y-0.5 text-sm text-danger-fg">
          {errors!.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
