// The zod field for a whole amount typed in a form (or sent as a number by a caller): parseAmount's
// answer, so the form's live hint and the server's validation read a text the same way.
import { z } from "zod";
import type { MoneyUnit } from "./currency";
import { parseAmount } from "./parse-amount";

export function wholeAmount(unit: MoneyUnit, max = 1_000_000_000) {
  return z
    .union([z.number(), z.string()], { message: `Enter an amount such as 2,000,000, 2m or 2.5k (in ${unit.code}).` })
    .transform((value, ctx) => {
      // A number goes through the same parser as text: 2.5 is a fraction, -1 negative, 1e21 not an amount.
      const result = parseAmount(String(value), unit, max);
      if (result.ok) return result.amount;
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    });
}
