// The organisation's currency: an ISO 4217 code, and what people may type or read for it. Pure; Intl
// (full ICU in Node and in browsers) knows the codes, their symbols and their minor units.

/** How money of one currency is written. Built on the server and passed to forms as it is, so the live
 * hint and the server parse the same text with exactly the same marks (browsers' ICU may differ). */
export type MoneyUnit = {
  /** ISO 4217, e.g. "GBP". */
  code: string;
  /** The symbol amounts are shown with ("£", "US$", "CHF"). */
  symbol: string;
  /** Everything accepted before or after an amount: the code and the symbols, e.g. ["GBP", "£"]. */
  marks: string[];
  /** Digits after the decimal point of the minor unit: 2 for pence and cents, 0 for yen. */
  minorDigits: number;
};

const LOCALE = "en-GB";

export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code) && supportedCurrencies().includes(code);

let supported: string[] | undefined;
/** The ISO 4217 codes this runtime can format, sorted. */
export function supportedCurrencies(): string[] {
  return (supported ??= Intl.supportedValuesOf("currency"));
}

const symbolOf = (code: string, display: "symbol" | "narrowSymbol") =>
  new Intl.NumberFormat(LOCALE, { style: "currency", currency: code, currencyDisplay: display }).formatToParts(0).find((part) => part.type === "currency")?.value ?? code;

export function moneyUnit(code: string): MoneyUnit {
  if (!isCurrencyCode(code)) throw new RangeError(`Not an ISO 4217 currency code: ${code}`);
  const symbol = symbolOf(code, "symbol");
  const marks = [...new Set([code, symbol, symbolOf(code, "narrowSymbol")])].sort((a, b) => b.length - a.length);
  const minorDigits = new Intl.NumberFormat(LOCALE, { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  return { code, symbol, marks, minorDigits };
}

/** "British Pound (GBP)". */
export function currencyName(code: string): string {
  return `${new Intl.DisplayNames([LOCALE], { type: "currency" }).of(code) ?? code} (${code})`;
}

// Region → currency for the default. Only the regions whose locale people are likely to run a server in;
// anything else falls back to the pound, the demo organisation's currency.
const EURO = ["AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK"];
const BY_REGION: Record<string, string> = {
  GB: "GBP", US: "USD", CA: "CAD", AU: "AUD", NZ: "NZD", CH: "CHF", JP: "JPY", IN: "INR", SE: "SEK", NO: "NOK", DK: "DKK",
  PL: "PLN", CZ: "CZK", ZA: "ZAR", SG: "SGD", BR: "BRL", MX: "MXN", ...Object.fromEntries(EURO.map((region) => [region, "EUR"])),
};
export const FALLBACK_CURRENCY = "GBP";

/**
 * The currency an organisation starts with, until an admin sets one: RUNWELL_CURRENCY if it names one,
 * else the region of the server's locale (LANG=de_DE.UTF-8 → EUR), else GBP.
 */
export function defaultCurrency(configured: string | undefined, locale: string | undefined): string {
  const code = configured?.trim().toUpperCase();
  if (code && isCurrencyCode(code)) return code;
  const region = locale?.match(/^[a-z]{2,3}[-_]([A-Z]{2})\b/)?.[1];
  return (region && BY_REGION[region]) || FALLBACK_CURRENCY;
}
