import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cx } from "./cx";
import { controlClasses } from "./input";

export type SelectProps = ComponentProps<"select">;

/** A native select (keyboard and screen-reader behaviour for free) with our own arrow. */
export function Select({ className, children, ...props }: SelectProps) {
  return (
    <div className={cx("relative", className)}>
      <select className={cx(controlClasses, "h-9 appearance-none pr-9")} {...props}>
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-fg-muted"
      />
    </div>
  );
}
