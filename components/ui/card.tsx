import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section className={cx("min-w-0 rounded-lg border border-line bg-surface shadow-xs", className)} {...props} />;
}

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Heading level that fits the page outline; cards under a page h1 are h2 by default. */
  as?: "h2" | "h3";
  /** Lets the section be labelled by its heading (aria-labelledby on Card). */
  titleId?: string;
  className?: string;
};

export function CardHeader({ title, description, actions, as: Heading = "h2", titleId, className }: CardHeaderProps) {
  return (
    <div className={cx("flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-4", className)}>
      <div className="min-w-48 flex-1 space-y-1">
        <Heading id={titleId} className="text-base font-semibold text-fg">
          {title}
        </Heading>
        {description ? <p className="text-sm text-fg-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx("px-5 py-4", className)} {...props} />;
}
