// Reads of the organisation's settings: the one place that touches OrganisationSettings for reading.
import type { DbTx } from "../db";
import { env } from "../env";
import { defaultCurrency, moneyUnit, type MoneyUnit } from "../money/currency";

export type OrganisationSettings = { currency: string; /** False while the default applies (no admin has chosen). */ chosen: boolean };

export async function organisationSettings(tx: DbTx): Promise<OrganisationSettings> {
  const row = await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { currency: true } });
  if (row) return { currency: row.currency, chosen: true };
  const { RUNWELL_CURRENCY, LC_ALL, LANG } = env();
  return { currency: defaultCurrency(RUNWELL_CURRENCY, LC_ALL || LANG), chosen: false };
}

/** The currency every money figure is shown, typed and validated in. */
export async function organisationMoneyUnit(tx: DbTx): Promise<MoneyUnit> {
  return moneyUnit((await organisationSettings(tx)).currency);
}
