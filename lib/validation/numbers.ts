// Whole numbers that fit their column. zod already refuses NaN, Infinity and unsafe integers; what is
// left is the column: Prisma refuses a value beyond INT4 before it reaches PostgreSQL, with an error
// that is not ours (a 500). So every whole-number field names its bounds, and they must fit INT4.
import { z } from "zod";

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

export type WholeNumberMessages = { type?: string; min?: string; max?: string };

/** A whole number in [min, max] from a number or a form's string ("" is 0, as z.coerce reads it). */
export function boundedInt(bounds: { min: number; max: number }, messages: WholeNumberMessages = {}) {
  if (!Number.isSafeInteger(bounds.min) || !Number.isSafeInteger(bounds.max) || bounds.min < INT4_MIN || bounds.max > INT4_MAX || bounds.min > bounds.max) {
    throw new RangeError(`boundedInt(${bounds.min}, ${bounds.max}): bounds must be whole, ordered and fit an INT4 column.`);
  }
  const type = messages.type ?? "Enter a whole number.";
  return z.coerce
    .number({ message: type })
    .int(type)
    .min(bounds.min, messages.min ?? `At least ${bounds.min}.`)
    .max(bounds.max, messages.max ?? `At most ${bounds.max.toLocaleString("en-GB")}.`);
}
