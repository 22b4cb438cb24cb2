import { Fragment } from "react";
import { MARK_END, MARK_START } from "@/lib/runbooks/search-marks";

/** Text from ts_headline with sentinel marks → <mark> elements; everything else escaped by React. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <Fragment key={index}>{part}</Fragment>;
        const [marked, rest = ""] = part.split(MARK_END);
        return (
          <Fragment key={index}>
            <mark className="rounded-sm bg-amber-200 px-0.5 text-zinc-900 dark:bg-amber-800 dark:text-amber-50">{marked}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}
