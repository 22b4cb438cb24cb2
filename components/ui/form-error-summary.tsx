import { CircleAlert } from "lucide-react";
import { cx } from "./cx";

export type FormErrorSummaryProps = {
  /** The form-level message, e.g. AppError.message. */
  message?: string | null;
  /** Field path → messages, as in AppError.fieldErrors; "_form" holds errors not tied to one field. */
  fieldErrors?: Readonly<Record<string, readonly string[]>>;
  /** Field path → label, so the summary reads "Name: Required" instead of "name: Required". */
  labels?: Readonly<Record<string, string>>;
  /** Prefix of the control ids; a field's id is `<idPrefix><path with dots as dashes>`. */
  idPrefix?: string;
  className?: string;
};

/** The form's one live region: announced when it appears, with links that move focus to each field. */
export function FormErrorSummary({ message, fieldErrors = {}, labels = {}, idPrefix = "", className }: FormErrorSummaryProps) {
  const entries = Object.entries(fieldErrors).filter(([, messages]) => messages.length > 0);
  if (!message && entries.length === 0) return null;
  return (
    <div
      role="alert"
      className={cx(
        "rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200",
        className,
      )}
    >
      <div className="flex gap-2">
        <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <div className="space-y-2">
          <p className="font-medium">{message ?? "Some fields need attention."}</p>
          {entries.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5">
              {entries.map(([path, messages]) =>
                messages.map((text) => (
                  <li key={`${path}:${text}`}>
                    {path === "_form" ? (
                      text
                    ) : (
                      <a href={`#${idPrefix}${path.replaceAll(".", "-")}`} className="underline underline-offset-2">
                        {labels[path] ?? path}: {text}
                      </a>
                    )}
                  </li>
                )),
              )}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
