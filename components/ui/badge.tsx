import type { ComponentProps } from "react";
import { cx } from "./cx";

export type BadgeTone = "neutral" | "brand" | "success" | "warning" | "danger" | "info";

export type BadgeProps = ComponentProps<"span"> & { tone?: BadgeTone };

/**
 * Colour is never the only signal: a badge always says what it means in words. Its look lives in
 * app/globals.css (.badge, .badge-<tone>): a long table holds hundreds of badges, and one class each
 * instead of a dozen utilities keeps the page small.
 */
export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return <span className={cx("badge", `badge-${tone}`, className)} {...props} />;
}
