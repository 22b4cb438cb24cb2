import type { Metadata } from "next";
import { BudgetPolicyForm } from "@/components/settings/budget-policy-form";
import { CurrencyForm } from "@/components/settings/currency-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { targetLabel } from "@/lib/catalog/availability";
import { exposureBands } from "@/lib/catalog/queries";
import { db } from "@/lib/db";
import { currencyName, moneyUnit, supportedCurrencies } from "@/lib/money/currency";
import { formatAmount } from "@/lib/money/format-money";
import { organisationSettings } from "@/lib/settings/queries";
import { errorBudgetPolicyOn } from "@/lib/reliability/queries";
import { budgetPolicyAction, organisationSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Organisation settings" };

export default async function SettingsPage() {
  const person = await requirePerson();
  requirePermission(person, "organisation.settings");
  const [settings, bands, policyOn] = await Promise.all([organisationSettings(db()), exposureBands(db()), errorBudgetPolicyOn(db())]);
  const unit = moneyUnit(settings.currency);
  const options = supportedCurrencies().map((code) => [code, currencyName(code)] as [string, string]).sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <>
      <PageHeader title="Organisation settings" description="Settings that apply to every team and service." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="currency-title">
          <CardHeader
            titleId="currency-title"
            title="Money"
            description={settings.chosen ? `Money is shown in ${currencyName(settings.currency)}.` : `Money is shown in ${currencyName(settings.currency)}, the default for this server's locale, until you choose.`}
          />
          <CardContent><CurrencyForm action={organisationSettingsAction} currency={settings.currency} options={options} /></CardContent>
        </Card>
        <Card aria-labelledby="budget-policy-title">
          <CardHeader titleId="budget-policy-title" title="Error-budget policy" description={policyOn ? "On for every service." : "Off."} />
          <CardContent><BudgetPolicyForm action={budgetPolicyAction} on={policyOn} /></CardContent>
        </Card>
        <Card aria-labelledby="bands-title">
          <CardHeader titleId="bands-title" title="Exposure bands" description="The availability target each estimated loss per hour suggests." />
          <CardContent>
            <Table caption="Exposure bands" captionHidden framed={false}>
              <THead><TR><TH>Band</TH><TH>Loss per hour from</TH><TH>Suggests</TH></TR></THead>
              <TBody>
                {bands.map((band) => (
                  <TR key={band.name}><TD>{band.name}</TD><TD className="tabular-nums">{formatAmount(band.minLossPerHour, unit)}</TD><TD>{targetLabel(band.availabilityTarget)}</TD></TR>
                ))}
              </TBody>
            </Table>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
