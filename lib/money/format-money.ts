// Money figures as people read them, always with the organisation's currency: "£2,000,000".
import type { MoneyUnit } from "./currency";

const formatter = (code: string, digits: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Whole currency units (exposure, band thresholds): "£2,000,000". */
export function formatAmount(amount: number, unit: Pick<MoneyUnit, "code">): string {
  return formatter(unit.code, 0).format(amount);
}

/** Minor units (pay rates and pay, in pence or cents; yen have none): 45600 → "£456.00". */
export function formatMinorUnits(minor: number, unit: Pick<MoneyUnit, "code" | "minorDigits">): string {
  return formatter(unit.code, unit.minorDigits).format(minor / 10 ** unit.minorDigits);
}
