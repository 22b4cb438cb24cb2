import type { ComponentProps } from "react";
import { cx } from "./cx";

/** Shared by Input, Textarea and Select so every control looks and signals errors the same way. */
export const controlClasses =
  "block w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-fg shadow-sm " +
  "placeholder:text-fg-muted/70 disabled:cursor-not-allowed disabled:bg-surface-muted disabled:opacity-70 " +
  "focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-offset-0 " +
  "aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-400";

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cx(controlClasses, "h-9", className)} {...props} />;
}
