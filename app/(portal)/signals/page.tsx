import type { Metadata } from "next";
import { SignalsOverview } from "@/components/signals/signals-overview";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { signalsOverview } from "@/lib/signals/queries";

export const metadata: Metadata = { title: "Signals" };

export default async function SignalsPage() {
  const person = await requirePerson();
  requirePermission(person, "signals.read");
  const signals = await signalsOverview(db());
  return (
    <>
      <PageHeader title="Anti-pattern signals"
        description="Patterns that undo 'you build it, you run it', each with its evidence and where to act. They are prompts for a conversation, not verdicts." />
      <SignalsOverview signals={signals} />
    </>
  );
}
