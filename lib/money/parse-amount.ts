// A whole amount of money as people type it: "2,000,000", "2 000 000", "2m", "2.5k", "£2,000,000",
// "2m GBP". One pure function, used by the live hint in the browser and by the server's validation, so
// the two cannot disagree about what a text means (the unit, with its accepted marks, comes from the
// server too). Exact: "2.3m" is 2,300,000, computed on digits, never as 2.3 × 1e6 in floating point.
import type { MoneyUnit } from "./currency";
import { formatAmount } from "./format-money";

export type AmountProblem = "empty" | "format" | "negative" | "fraction" | "too-large" | "currency";

export type ParsedAmount = { ok: true; amount: number } | { ok: false; problem: AmountProblem; message: string };

/** Powers of ten by suffix, case-insensitive: k 2.5k, m/mn 2m, b/bn 1.2bn, and the words. */
const SUFFIX_ZEROS: Record<string, number> = { k: 3, thousand: 3, m: 6, mn: 6, million: 6, b: 9, bn: 9, billion: 9 };

// Digits with one kind of thousands separator throughout (commas or spaces), or none; a decimal point;
// a suffix. European "2.000.000" and "2,5k" are refused rather than guessed at.
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.(\d+))?(?: ?([a-z]+))?$/i;

const MINUS = /^[-\u2212]/;

export function parseAmount(text: string, unit: MoneyUnit, max = 1_000_000_000): ParsedAmount {
  const fail = (problem: AmountProblem, message: string): ParsedAmount => ({ ok: false, problem, message });
  const formatHelp = () => fail("format", `Enter an amount such as 2,000,000, 2m or 2.5k (in ${unit.code}).`);
  // NFKC turns no-break and narrow spaces into spaces and full-width digits into digits; runs of spaces become one.
  const typed = text.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (!typed) return fail("empty", `Enter the estimated loss per hour in ${unit.code}, e.g. 250,000 or 2m.`);
  // The sign may stand before or after the currency: "-£5", "£-5".
  const withoutMark = stripMark(typed.replace(MINUS, "").trim(), unit);
  if (MINUS.test(typed) || MINUS.test(withoutMark)) return fail("negative", "The loss cannot be negative.");

  // A number with its suffix as typed comes first: for a currency whose symbol is "K" (the kyat), "2k" is 2,000.
  const known = (found: RegExpExecArray | null) => (found && (found[3] === undefined || found[3].toLowerCase() in SUFFIX_ZEROS) ? found : null);
  const match = known(NUMBER.exec(typed)) ?? known(NUMBER.exec(withoutMark));
  if (!match) {
    // Digits with another currency's symbol or code: say which currency amounts are in.
    if (/\d/.test(withoutMark) && /^\p{Sc}|\p{Sc}$|^[A-Z]{3} |[\d ][A-Z]{3}$/u.test(withoutMark)) {
      return fail("currency", `Amounts are in ${unit.code} (${unit.symbol}), the organisation's currency.`);
    }
    return formatHelp();
  }
  const [, integer = "", fraction = "", suffix] = match;
  const zeros = suffix === undefined ? 0 : SUFFIX_ZEROS[suffix.toLowerCase()]!;

  // value = digits × 10^(zeros − decimals); whole only if no decimals are left beyond the suffix.
  const decimals = fraction.replace(/0+$/, "");
  if (decimals.length > zeros) return fail("fraction", `Round to a whole amount in ${unit.code}.`);
  const digits = `${integer.replace(/[, ]/g, "")}${decimals}`.replace(/^0+(?=\d)/, "");
  const tooLarge = () => fail("too-large", `That is more than ${formatAmount(max, unit)} an hour; check the figure.`);
  // More digits than max has cannot fit: refuse before building a number beyond 2^53.
  if (digits.length + zeros - decimals.length > String(max).length) return tooLarge();
  const amount = Number(`${digits}${"0".repeat(zeros - decimals.length)}`);
  return amount > max ? tooLarge() : { ok: true, amount };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Removes the unit's code or a symbol from one end ("£2m", "2m GBP", "GBP 2m", "gbp 2m"). */
function stripMark(text: string, unit: MoneyUnit): string {
  for (const mark of unit.marks) {
    const pattern = new RegExp(`^${escape(mark)} ?(?=.)|(?<=.) ?${escape(mark)}$`, "iu");
    if (pattern.test(text)) return text.replace(pattern, "");
  }
  return text;
}
