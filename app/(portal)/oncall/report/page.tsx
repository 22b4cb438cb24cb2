import { DateTime } from "luxon";
import type { Metadata } from "next";
import { PayPolicyForm } from "@/components/oncall/pay-policy-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { formatMinorUnits } from "@/lib/money/format-money";
import { leadsAnyTeam, listScheduleOwners } from "@/lib/oncall/queries";
import { setPayPolicyAction } from "../actions";
import { loadReport, monthRange } from "@/lib/oncall/report-view";

export const metadata: Metadata = { title: "On-call load and pay" };

export default async function ReportPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "oncall.report.read", { isTeamLead: await leadsAnyTeam(db(), person.id) });
  const { month } = monthRange((await searchParams).month ?? "");
  const report = await loadReport(db(), month);
  // One currency for all pay: the organisation's (an admin sets it on /settings).
  const money = (minor: number) => formatMinorUnits(minor, report.unit);
  const shift = (months: number) => DateTime.fromFormat(month, "yyyy-MM", { zone: "utc" }).plus({ months }).toFormat("yyyy-MM");
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/oncall">← On-call</TextLink>}
        title={`On-call load and pay, ${DateTime.fromFormat(month, "yyyy-MM").toFormat("LLLL yyyy")}`}
        description="Standby hours from final shifts (after swaps and cover), split into working hours, out of hours, weekends and public holidays in each schedule's time zone. Callouts are out-of-hours incident pages, for the person paged and whoever acknowledged, charged to the incident's service. Months are UTC calendar months."
        actions={
          <>
            <ButtonLink href={`/oncall/report?month=${shift(-1)}`}>Previous month</ButtonLink>
            <ButtonLink href={`/oncall/report?month=${shift(1)}`}>Next month</ButtonLink>
            <ButtonLink href={`/api/oncall/report.csv?month=${month}`} variant="primary">Download CSV</ButtonLink>
          </>
        }
      />
      <div className="space-y-6">
        <Table caption="Load and pay per person">
          <THead><TR><TH>Person</TH><TH>Shifts</TH><TH>In hours (h)</TH><TH>Out of hours (h)</TH><TH>Weekend (h)</TH><TH>Holiday (h)</TH><TH>Callouts</TH><TH>Standby pay ({report.unit.code})</TH></TR></THead>
          <TBody>
            {report.rows.map((row) => (
              <TR key={row.personId}>
                <TD>{row.name}</TD><TD>{row.shifts}</TD><TD>{row.inHours}</TD><TD>{row.outOfHours}</TD><TD>{row.weekend}</TD><TD>{row.holiday}</TD><TD>{row.callouts}</TD>
                <TD>{Object.values(row.pay).map(money).join(", ") || "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card aria-labelledby="fairness-title">
            <CardHeader titleId="fairness-title" title="Fairness" description="Spread of out-of-hours, weekend and holiday hours between the people on each schedule this month. A wide spread means the same people carry the load." />
            <CardContent>
              <Table caption="Fairness per schedule" captionHidden framed={false}>
                <THead><TR><TH>Schedule</TH><TH>People</TH><TH>Min (h)</TH><TH>Max (h)</TH><TH>Mean (h)</TH><TH>Spread</TH></TR></THead>
                <TBody>
                  {report.fairness.map((row) => (
                    <TR key={row.slug}><TD>{row.schedule}</TD><TD>{row.people}</TD><TD>{row.min}</TD><TD>{row.max}</TD><TD>{row.mean}</TD><TD>{row.spreadPercent}%</TD></TR>
                  ))}
                </TBody>
              </Table>
            </CardContent>
          </Card>
          <Card aria-labelledby="charges-title">
            <CardHeader titleId="charges-title" title="Charged to teams and services" description="A domain schedule is shared equally by the domain's teams; a team's share is split equally over the services it covers." />
            <CardContent>
              <Table caption="Charges" captionHidden framed={false}>
                <THead><TR><TH>Team</TH><TH>Service</TH><TH>Amount ({report.unit.code})</TH></TR></THead>
                <TBody>
                  {report.charges.map((entry) => (
                    <TR key={`${entry.teamId}-${entry.serviceSlug}-${entry.currency}`}><TD>{entry.teamName}</TD><TD>{entry.serviceSlug ?? "—"}</TD><TD>{money(entry.amount)}</TD></TR>
                  ))}
                </TBody>
              </Table>
            </CardContent>
          </Card>
        </div>
        <Card aria-labelledby="rates-title">
          <CardHeader titleId="rates-title" title="Pay rates per team" />
          <CardContent className="text-sm">
            <ul className="space-y-1">
              {report.policies.map((policy) => (
                <li key={policy.teamId}>
                  {policy.team.name}: {policy.model === "STANDBY_ONLY" ? "standby only" : "standby and callout"}; {money(policy.standbyRate)}/h out of hours,{" "}
                  {money(policy.weekendHolidayRate)}/h weekends and holidays{policy.model === "STANDBY_AND_CALLOUT" ? `, ${money(policy.calloutRate)} per callout` : ""}
                </li>
              ))}
            </ul>
            {can(person, "oncall.pay.manage") ? (
              <div className="mt-4"><PayPolicyForm action={setPayPolicyAction} teams={(await listScheduleOwners(db())).teams} unit={report.unit} /></div>
            ) : null}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
