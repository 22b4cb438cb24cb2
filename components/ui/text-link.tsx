import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./cx";

export const textLinkClasses = "font-medium text-link underline-offset-2 hover:underline";

/** An in-app link styled as a link (for table cells, inline references). */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cx(textLinkClasses, className)} {...props} />;
}
