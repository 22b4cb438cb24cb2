import { useId, type ComponentProps, type ReactNode } from "react";
import { cx } from "./cx";

export type TableProps = ComponentProps<"table"> & {
  /** Every table gets a caption; pass captionHidden when a visible heading already says the same. */
  caption: ReactNode;
  captionHidden?: boolean;
  /** Tables stand on the page in a bordered surface; pass framed={false} inside a Card that already has one. */
  framed?: boolean;
};

/** Scrolls sideways on narrow screens instead of squeezing columns; the wrapper is focusable so keyboards can scroll it. */
export function Table({ caption, captionHidden, framed = true, className, children, ...props }: TableProps) {
  const captionId = useId();
  return (
    <div
      className={cx("overflow-x-auto", framed && "rounded-lg border border-line bg-surface shadow-xs")}
      tabIndex={0}
      role="region"
      aria-labelledby={captionId}
    >
      <table className={cx("w-full border-collapse text-left text-sm", className)} {...props}>
        <caption id={captionId} className={captionHidden ? "sr-only" : "px-4 py-3 text-left text-sm font-medium text-fg"}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cx("border-b border-line bg-surface-muted/60", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cx("divide-y divide-line [&>tr]:transition-colors [&>tr:hover]:bg-surface-muted/40", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cx("align-top", className)} {...props} />;
}

/** Column headers by default; pass scope="row" for the cell that names its row. */
export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  const isColumn = scope === "col" || scope === "colgroup";
  return (
    <th
      scope={scope}
      className={cx(
        isColumn
          ? "px-4 py-2.5 text-xs font-semibold tracking-wide text-fg-muted uppercase"
          : "px-4 py-3 font-medium text-fg",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  // One short class (app/globals.css) instead of three utilities: long tables send it thousands of times.
  return <td className={cx("td", className)} {...props} />;
}
