import type { ComponentProps } from "react";
import { cx } from "./cx";
import { controlClasses } from "./input";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cx(controlClasses, "py-2 leading-relaxed", className)} {...props} />;
}
