import { VerdictBadge } from "./change-badges";

export function VerdictList({ verdicts }: { verdicts: { rule: string; passed: boolean; message: string }[] }) {
  return (
    <ul className="space-y-1.5 text-sm">
      {verdicts.map((verdict, index) => (
        <li key={`${verdict.rule}-${index}`} className="flex items-start gap-2">
          <VerdictBadge passed={verdict.passed} />
          <span>
            <code className="font-mono text-xs text-fg-muted">{verdict.rule}</code> {verdict.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
