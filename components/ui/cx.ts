/** Joins class names, skipping falsy ones; enough for our primitives without a class-merging dependency. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
