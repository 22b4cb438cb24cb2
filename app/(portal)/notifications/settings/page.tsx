import type { Metadata } from "next";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { EVENT_LABELS } from "@/lib/events/catalogue";
import { emailEnabled } from "@/lib/notifications/email";
import { readPreferences } from "@/lib/notifications/save-preferences";
import { savePreferencesAction } from "../actions";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const person = await requirePerson();
  const matrix = await readPreferences(db(), person.id);
  const rows = matrix.map((row) => ({ ...row, label: EVENT_LABELS[row.kind] }));
  return (
    <>
      <BackLink href="/notifications">Notifications</BackLink>
      <PageHeader
        title="Notification settings"
        description={
          emailEnabled()
            ? `Choose what reaches you in Runwell and by email (${person.email}).`
            : "Choose what reaches you in Runwell. Email is off on this installation (no SMTP_URL); your email choices apply once it is on."
        }
      />
      <PreferencesForm action={savePreferencesAction} rows={rows} />
    </>
  );
}
