// How values read in the audit trail's sentences: dates in the organisation's format (the portal shows
// times in UTC, see components/ui/date-time.tsx), money with its currency, enum values as words. Pure.

export type ValueWords = {
  dateTime(value: unknown): string;
  /** A calendar day ("2026-12-25" or an instant): "25 Dec 2026". */
  date(value: unknown): string;
  money(amount: unknown, currency?: string): string;
  number(value: unknown): string;
  /** Any value, when nothing better is known about its field. */
  any(value: unknown): string;
};

export type OrganisationFormat = { locale: string; timeZone: string; currency: string };

/** Runwell's organisation format until the organisation can choose one: British English, UTC, pounds. */
export const DEFAULT_FORMAT: OrganisationFormat = { locale: "en-GB", timeZone: "UTC", currency: "GBP" };

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
const ISO_DAY = /^\d{4}-\d\d-\d\d$/;
const SCREAMING = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

export const NONE = "none";

/** "ROLLED_BACK" → "rolled back", "P99_9" stays for its field's own words. */
export function enumWords(value: string): string {
  return value.toLowerCase().replaceAll("_", " ");
}

/** "maxLossPerHour" → "max loss per hour", for fields no formatter names. */
export function fieldWords(field: string): string {
  return field.replace(/Id(s?)$/, "$1").replace(/([a-z0-9])([A-Z])/g, "$1 $2").replaceAll("_", " ").toLowerCase();
}

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function valueWords(format: OrganisationFormat = DEFAULT_FORMAT): ValueWords {
  const dateTimeFormat = new Intl.DateTimeFormat(format.locale, {
    timeZone: format.timeZone, year: "numeric", month: "short", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  const dayFormat = new Intl.DateTimeFormat(format.locale, { timeZone: "UTC", year: "numeric", month: "short", day: "2-digit" });
  const zone = format.timeZone === "UTC" ? " UTC" : "";
  const asDate = (value: unknown): Date | null => {
    const date = value instanceof Date ? value : typeof value === "string" || typeof value === "number" ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  };
  const words: ValueWords = {
    dateTime(value) {
      const date = asDate(value);
      return date ? `${dateTimeFormat.format(date)}${zone}` : NONE;
    },
    date(value) {
      const date = asDate(typeof value === "string" && ISO_DAY.test(value) ? `${value}T00:00:00Z` : value);
      return date ? dayFormat.format(date) : NONE;
    },
    money(amount, currency = format.currency) {
      if (typeof amount !== "number" || !Number.isFinite(amount)) return NONE;
      try {
        return new Intl.NumberFormat(format.locale, { style: "currency", currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
      } catch {
        return `${amount.toLocaleString(format.locale)} ${currency}`; // a currency code Intl does not know
      }
    },
    number(value) {
      return typeof value === "number" && Number.isFinite(value) ? value.toLocaleString(format.locale) : words.any(value);
    },
    any(value) {
      if (value === undefined || value === null || value === "") return NONE;
      if (typeof value === "boolean") return value ? "yes" : "no";
      if (typeof value === "number") return value.toLocaleString(format.locale);
      if (typeof value === "string") {
        if (ISO_INSTANT.test(value)) return words.dateTime(value);
        if (ISO_DAY.test(value)) return words.date(value);
        if (SCREAMING.test(value)) return enumWords(value);
        return shorten(value);
      }
      if (Array.isArray(value)) return value.length ? shorten(value.map((item) => words.any(item)).join(", ")) : NONE;
      return shorten(JSON.stringify(value));
    },
  };
  return words;
}
