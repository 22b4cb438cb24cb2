// Notification settings in the audit trail (mark-notifications-read, save-preferences).
// Registered in lib/audit/audit-actions.ts.
import { sentence, type FieldChange, type SentenceMap } from "../audit/sentence-kit";

/** save-preferences records the choices that differ from the defaults as "<kind> by <channel>: on|off". */
function choices(value: unknown): Map<string, string> {
  const lines = Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  return new Map(lines.map((line) => {
    const cut = line.lastIndexOf(": ");
    return cut < 0 ? [line, "on"] : [line.slice(0, cut), line.slice(cut + 2)];
  }));
}

export const notificationSentences = {
  "notifications.read": (ctx) => sentence(ctx.actor, ` marked ${ctx.words.number(ctx.after.marked)} notifications read`),
  "notification-preferences.update": (ctx) => {
    const [before, after] = [choices(ctx.before.choices), choices(ctx.after.choices)];
    const changes: FieldChange[] = [...new Set([...before.keys(), ...after.keys()])]
      .map((choice) => ({ field: choice, label: choice.replaceAll("_", " ").toLowerCase(), from: before.get(choice) ?? "default", to: after.get(choice) ?? "default" }))
      .filter((change) => change.from !== change.to);
    return { ...sentence(ctx.actor, " changed their notification settings"), changes };
  },
} satisfies SentenceMap;
