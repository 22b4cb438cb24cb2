import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { RotationFields } from "@/components/oncall/rotation-fields";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listScheduleOwners, loadScheduleBySlug, scheduleOwnerFacts } from "@/lib/oncall/queries";
import { scheduleContext } from "@/lib/oncall/schedule-access";
import { formatMinute } from "@/lib/oncall/schemas";
import { editRotationAction } from "../../actions";

export const metadata: Metadata = { title: "Change the rotation" };

export default async function EditRotationPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  const { slug } = await params;
  const now = new Date();
  const schedule = await loadScheduleBySlug(db(), slug, now, now);
  if (!schedule) notFound();
  requirePermission(person, "oncall.schedules.manage", scheduleContext(person, await scheduleOwnerFacts(db(), schedule)));
  const { people } = await listScheduleOwners(db());
  const rotation = schedule.latestRotation;
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href={`/oncall/${slug}`}>← {schedule.name}</TextLink>}
        title="Change the rotation"
        description="Changes apply from the date you choose; shifts before it stay as they were. To add or remove someone mid-rotation, change the list and pick when it takes effect."
      />
      <ActionForm submitSize="sm" action={editRotationAction.bind(null, schedule.id)} submitLabel="Save rotation" labels={{ participantIds: "People", secondaryIds: "Secondary rotation", effectiveFrom: "Takes effect from", handoffTime: "Handoff time" }} className="max-w-3xl space-y-5">
        <RotationFields
          people={people.filter((candidate) => !schedule.optedOutIds.includes(candidate.id))}
          zone={schedule.engine.timeZone}
          secondary={schedule.hasSecondary ? { participantIds: schedule.secondaryParticipants.map((p) => p.id) } : undefined}
          defaults={rotation ? { rotationDays: rotation.rotationDays, handoffWeekday: rotation.handoffWeekday, handoffTime: formatMinute(rotation.handoffMinute), participantIds: schedule.participants.map((p) => p.id) } : undefined}
        />
      </ActionForm>
    </>
  );
}
