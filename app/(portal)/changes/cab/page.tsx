import type { Metadata } from "next";
import { ChangeTable } from "@/components/changes/change-table";
import { ChangesTabs } from "@/components/changes/changes-tabs";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { cabAgenda } from "@/lib/changes/queries";
import { db } from "@/lib/db";
import { cabSettingsAction } from "../actions";

export const metadata: Metadata = { title: "CAB agenda" };

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const input = "block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export default async function CabPage() {
  const person = await requirePerson();
  requirePermission(person, "changes.read");
  const agenda = await cabAgenda(db());
  const { settings } = agenda;
  const time = `${String(Math.floor(settings.meetingMinute / 60)).padStart(2, "0")}:${String(settings.meetingMinute % 60).padStart(2, "0")}`;
  return (
    <>
      <PageHeader
        title="CAB agenda"
        description={<>Next meeting <DateTime value={agenda.meeting} /> ({WEEKDAYS[settings.meetingWeekday - 1]}s at {time}, {settings.timeZone}). Normal changes waiting for a decision; {settings.quorum} approval{settings.quorum === 1 ? "" : "s"} by change managers approve one.</>}
      />
      <div className="print:hidden"><ChangesTabs current="/changes/cab" /></div>
      {/* The agenda takes the full width (seven columns were cut at 1366 px beside the settings); phones get one card per change. */}
      <div className="space-y-6">
        <div className="min-w-0">
          {agenda.changes.length ? <ChangeTable changes={agenda.changes} caption="Changes on the agenda" /> : <EmptyState title="Nothing on the agenda" description="No normal change awaits the CAB." />}
        </div>
        {can(person, "cab.settings") ? (
          <Card aria-labelledby="cab-settings-title" className="max-w-md print:hidden">
            <CardHeader titleId="cab-settings-title" title="CAB settings" />
            <CardContent>
              <ActionForm action={cabSettingsAction} submitLabel="Save settings" labels={{ quorum: "Quorum", emergencyReviewHours: "Emergency review within (hours)", meetingWeekday: "Meeting day", meetingTime: "Meeting time" }}>
                <label className="block space-y-1 text-sm"><span className="font-medium">Quorum (approvals needed)</span><input name="quorum" type="number" defaultValue={settings.quorum} className={input} /></label>
                <label className="block space-y-1 text-sm"><span className="font-medium">Emergency review within (hours)</span><input name="emergencyReviewHours" type="number" defaultValue={settings.emergencyReviewHours} className={input} /></label>
                <label className="block space-y-1 text-sm"><span className="font-medium">Meeting day</span>
                  <select name="meetingWeekday" defaultValue={settings.meetingWeekday} className={input}>{WEEKDAYS.map((day, index) => <option key={day} value={index + 1}>{day}</option>)}</select>
                </label>
                <label className="block space-y-1 text-sm"><span className="font-medium">Meeting time</span><input name="meetingTime" type="time" defaultValue={time} className={input} /></label>
              </ActionForm>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
