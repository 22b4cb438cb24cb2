// How an improvement action (a backlog item from a review's action) is doing. Pure, with a clock.
export const STUCK_DAYS = 60;
const DAY = 86_400_000;

export type ActionFacts = { status: "TODO" | "DOING" | "DONE"; createdAt: Date; dueAt: Date | null; doneAt: Date | null; publishedAt: Date | null };

export type ActionFlags = {
  /** Days since the item was created (open) or it took until done. */
  ageDays: number;
  /** From the review's publication to done, in days (one decimal); null while open. */
  leadTimeDays: number | null;
  /** Past its due date and not done. */
  overdue: boolean;
  /** Open for more than STUCK_DAYS days. */
  stuck: boolean;
};

const days = (ms: number) => Math.round((ms / DAY) * 10) / 10;

export function actionFlags(facts: ActionFacts, now: Date): ActionFlags {
  const open = facts.status !== "DONE";
  const end = open || !facts.doneAt ? now : facts.doneAt;
  const start = facts.publishedAt ?? facts.createdAt;
  return {
    ageDays: Math.max(0, Math.floor((end.getTime() - facts.createdAt.getTime()) / DAY)),
    leadTimeDays: !open && facts.doneAt ? Math.max(0, days(facts.doneAt.getTime() - start.getTime())) : null,
    overdue: open && facts.dueAt !== null && facts.dueAt.getTime() < now.getTime(),
    stuck: open && now.getTime() - facts.createdAt.getTime() > STUCK_DAYS * DAY,
  };
}
