// Arguments bound to a server action (`action.bind(null, id)`) travel through the browser and come
// back as whatever the caller sends: an object, a number, a very long string. They are parsed like
// any other input before they reach a use case or a Prisma `where`.
import { z } from "zod";
import { parseInput } from "../errors";

const ZBoundId = z
  .string({ error: "This form refers to a record it cannot name; reload the page." })
  .min(1, "This form refers to a record it cannot name; reload the page.")
  .max(200, "This form refers to a record it cannot name; reload the page.")
  .regex(/^[\w.:-]+$/, "This form refers to a record it cannot name; reload the page.");

/** An id or slug bound to an action. */
export const boundId = (value: unknown): string => parseInput(ZBoundId, value);

/** An optional id (e.g. null when a form creates instead of edits). */
export const boundOptionalId = (value: unknown): string | null => (value === null || value === undefined ? null : boundId(value));

export const boundFlag = (value: unknown): boolean => parseInput(z.boolean({ error: "This form sent an unexpected value; reload the page." }), value);

export const boundCount = (value: unknown): number =>
  parseInput(z.number({ error: "This form sent an unexpected value; reload the page." }).int().min(0).max(1_000_000), value);

export function boundChoice<const T extends readonly [string, ...string[]]>(choices: T, value: unknown): T[number] {
  return parseInput(z.enum(choices, { error: "This form sent an unexpected value; reload the page." }), value);
}
