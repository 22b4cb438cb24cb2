// The amount parser: what a product manager types, table-driven, then properties over every amount,
// every way of writing it and arbitrary text (fast-check). The live hint and the server both call
// parseAmount; the last property checks the server's zod field gives the same answer for any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wholeAmount } from "./amount-schema";
import { defaultCurrency, moneyUnit } from "./currency";
import { formatAmount, formatMinorUnits } from "./format-money";
import { parseAmount, type AmountProblem } from "./parse-amount";

const GBP = moneyUnit("GBP");
const MAX = 1_000_000_000;
const amountOf = (text: string, unit = GBP) => {
  const result = parseAmount(text, unit);
  return result.ok ? result.amount : result.problem;
};

describe("parseAmount, as people type it", () => {
  it.each<[string, number | AmountProblem]>([
    ["2000000", 2_000_000],
    ["2,000,000", 2_000_000],
    ["2 000 000", 2_000_000],
    ["2\u00a0000\u00a0000", 2_000_000], // no-break spaces, as a copied spreadsheet cell has them
    ["2\u202f000\u202f000", 2_000_000], // narrow no-break spaces
    ["  2,000,000  ", 2_000_000],
    ["2m", 2_000_000],
    ["2M", 2_000_000],
    ["2 m", 2_000_000],
    ["2mn", 2_000_000],
    ["2 million", 2_000_000],
    ["2.5k", 2_500],
    ["2.5K", 2_500],
    ["2.3m", 2_300_000], // exactly, not 2,299,999.9999999995
    ["0.5m", 500_000],
    ["1,500.5k", 1_500_500],
    ["1.2bn", "too-large"], // above the billion an hour the column and common sense allow
    ["1bn", 1_000_000_000],
    ["1 billion", 1_000_000_000],
    ["£2,000,000", 2_000_000],
    ["£2m", 2_000_000],
    ["£ 2.5k", 2_500],
    ["2m GBP", 2_000_000],
    ["GBP 2,000,000", 2_000_000],
    ["gbp2m", 2_000_000],
    ["1500.00", 1_500],
    ["0", 0],
    ["000", 0],
    ["２０００", 2_000], // full-width digits
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "format"],
    ["ABC", "format"],
    ["2,00,000", "format"], // grouping that is not in thousands
    ["2.000.000", "format"], // European grouping: refused, not guessed
    ["2,5k", "format"],
    ["2,000 000", "format"], // mixed separators
    ["2x", "format"],
    ["2km", "format"],
    ["k", "format"],
    ["£", "format"],
    ["1e6", "format"],
    ["0x10", "format"],
    ["Infinity", "format"],
    ["+5", "format"],
    ["-5", "negative"],
    ["−5", "negative"], // U+2212 minus sign
    ["-£5", "negative"],
    ["£-5", "negative"],
    ["1500.5", "fraction"],
    ["1.2345k", "fraction"],
    ["€2m", "currency"],
    ["2m €", "currency"],
    ["$2,000", "currency"],
    ["2,000 EUR", "currency"],
    ["EUR 2,000", "currency"],
    ["1,000,000,001", "too-large"],
    ["2bn", "too-large"],
    ["99999999999999999999999", "too-large"],
  ])("%j → %s", (text, expected) => {
    expect(amountOf(text)).toBe(expected);
  });

  it("reads the organisation's currency, and only it", () => {
    const EUR = moneyUnit("EUR");
    expect(amountOf("€2m", EUR)).toBe(2_000_000);
    expect(amountOf("2m EUR", EUR)).toBe(2_000_000);
    expect(amountOf("£2m", EUR)).toBe("currency");
    const USD = moneyUnit("USD");
    expect(amountOf("$2.5k", USD)).toBe(2_500);
    expect(amountOf("US$2.5k", USD)).toBe(2_500);
    expect(amountOf("CHF 2m", moneyUnit("CHF"))).toBe(2_000_000);
    expect(amountOf("¥2m", moneyUnit("JPY"))).toBe(2_000_000);
  });

  it("keeps k a thousand where the currency's symbol is K (the Myanmar kyat)", () => {
    const MMK = moneyUnit("MMK");
    expect(MMK.marks).toContain("K");
    expect(amountOf("2k", MMK)).toBe(2_000);
    expect(amountOf("K2,000", MMK)).toBe(2_000);
    expect(amountOf("2,000 K", MMK)).toBe(2_000_000); // a suffix before a symbol: ambiguous, read as written
  });

  it("says what is wrong in words, with the currency", () => {
    expect(parseAmount("abc", GBP)).toEqual({ ok: false, problem: "format", message: "Enter an amount such as 2,000,000, 2m or 2.5k (in GBP)." });
    expect(parseAmount("€5", GBP)).toMatchObject({ message: "Amounts are in GBP (£), the organisation's currency." });
    expect(parseAmount("2bn", GBP)).toMatchObject({ message: "That is more than £1,000,000,000 an hour; check the figure." });
  });
});

// Amounts and the ways of writing them a person or a spreadsheet produces.
const amount = fc.integer({ min: 0, max: MAX });
const SUFFIXES = [["k", 3], ["K", 3], ["thousand", 3], ["m", 6], ["M", 6], ["mn", 6], ["million", 6], ["bn", 9], ["b", 9], ["billion", 9]] as const;
const CURRENCIES = ["GBP", "EUR", "USD", "JPY", "CHF", "INR", "SEK", "MMK", "XAF"] as const;

describe("parseAmount, properties", () => {
  it("reads back every amount as formatAmount writes it, in every currency", () => {
    fc.assert(fc.property(amount, fc.constantFrom(...CURRENCIES), (n, code) => {
      const unit = moneyUnit(code);
      expect(parseAmount(formatAmount(n, unit), unit)).toEqual({ ok: true, amount: n });
    }));
  });

  it("reads plain digits, comma and space grouping, with or without the code or symbol", () => {
    fc.assert(fc.property(amount, fc.constantFrom("", ",", " "), fc.constantFrom("", "£", "£ ", "GBP ", "gbp"), fc.constantFrom("", " GBP", "GBP"), (n, separator, prefix, suffix) => {
      const digits = separator ? n.toLocaleString("en-GB").replace(/,/g, separator) : String(n);
      const text = `${prefix}${digits}${prefix ? "" : suffix}`;
      expect(parseAmount(text, GBP)).toEqual({ ok: true, amount: n });
    }));
  });

  it("reads a decimal with a suffix exactly: the digits times the suffix's power of ten", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(...SUFFIXES), fc.integer({ min: 0, max: 3 }), fc.constantFrom("", " "), (units, [suffix, zeros], decimals, space) => {
      const places = Math.min(decimals, zeros);
      const scale = 10 ** places;
      const text = `${Math.floor(units / scale)}${places ? `.${String(units % scale).padStart(places, "0")}` : ""}${space}${suffix}`;
      const expected = units * 10 ** (zeros - places);
      const result = parseAmount(text, GBP);
      if (expected > MAX) expect(result).toMatchObject({ ok: false, problem: "too-large" });
      else expect(result).toEqual({ ok: true, amount: expected });
    }));
  });

  it("never throws, and every amount it accepts is a whole number from 0 to the maximum", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.stringMatching(/^[-£$€ 0-9.,kmbKMB]{0,14}$/)), (text) => {
      const result = parseAmount(text, GBP);
      if (result.ok) {
        expect(Number.isSafeInteger(result.amount)).toBe(true);
        expect(result.amount).toBeGreaterThanOrEqual(0);
        expect(result.amount).toBeLessThanOrEqual(MAX);
      } else {
        expect(result.message).toMatch(/\.$/);
      }
    }), { numRuns: 2_000 });
  });

  it("accepts no text without a digit", () => {
    fc.assert(fc.property(fc.string().filter((text) => !/\d/.test(text.normalize("NFKC"))), (text) => {
      expect(parseAmount(text, GBP).ok).toBe(false);
    }));
  });

  it("refuses every negative amount, however it is written", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX }), fc.constantFrom("-", "−", "- "), fc.constantFrom("", "£"), (n, minus, symbol) => {
      expect(parseAmount(`${minus}${symbol}${n.toLocaleString("en-GB")}`, GBP)).toMatchObject({ ok: false, problem: "negative" });
      if (symbol) expect(parseAmount(`${symbol}${minus}${n}`, GBP)).toMatchObject({ ok: false, problem: "negative" });
    }));
  });

  it("gives the server's zod field the very answer of the live hint, for any text", () => {
    const field = wholeAmount(GBP);
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-£€ 0-9.,kmKM]{0,12}$/), amount.map((n) => n.toLocaleString("en-GB"))), (text) => {
      const hint = parseAmount(text, GBP);
      const server = field.safeParse(text);
      expect(server.success).toBe(hint.ok);
      if (hint.ok && server.success) expect(server.data).toBe(hint.amount);
      if (!hint.ok && !server.success) expect(server.error.issues.map((issue) => issue.message)).toEqual([hint.message]);
    }), { numRuns: 1_000 });
  });
});

describe("wholeAmount for callers that send numbers", () => {
  it.each<[unknown, number | null]>([[20_000, 20_000], [0, 0], [2.5, null], [-1, null], [1e21, null], [Number.NaN, null], [MAX + 1, null], [null, null], [{}, null]])("%s → %s", (value, expected) => {
    const result = wholeAmount(GBP).safeParse(value);
    expect(result.success ? result.data : null).toBe(expected);
  });
});

describe("money units and figures", () => {
  it.each<[string, number, string]>([["GBP", 45_600, "£456.00"], ["EUR", 5, "€0.05"], ["JPY", 4_560, "JP¥4,560"], ["USD", 100_000, "US$1,000.00"]])("%s %i minor units → %s", (code, minor, shown) => {
    expect(formatMinorUnits(minor, moneyUnit(code))).toBe(shown);
  });

  it("writes exposures in whole units with the currency", () => {
    expect(formatAmount(2_000_000, GBP)).toBe("£2,000,000");
    expect(formatAmount(2_000_000, moneyUnit("EUR"))).toBe("€2,000,000");
  });

  it.each<[string | undefined, string | undefined, string]>([
    ["EUR", "en_GB.UTF-8", "EUR"],
    ["usd", undefined, "USD"],
    ["pounds", "en_GB.UTF-8", "GBP"], // not a code: the locale decides
    [undefined, "de_DE.UTF-8", "EUR"],
    [undefined, "en_US.UTF-8", "USD"],
    [undefined, "ja-JP", "JPY"],
    [undefined, "C.UTF-8", "GBP"],
    [undefined, undefined, "GBP"],
  ])("default currency: RUNWELL_CURRENCY=%s, locale %s → %s", (configured, locale, expected) => {
    expect(defaultCurrency(configured, locale)).toBe(expected);
  });

  it("refuses a code that is not ISO 4217", () => {
    expect(() => moneyUnit("XYZ")).toThrow(RangeError);
    expect(() => moneyUnit("gbp")).toThrow(RangeError);
  });
});
