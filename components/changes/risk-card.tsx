import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { RiskScore } from "@/lib/changes/risk-score";
import { RiskBadge } from "./change-badges";

export function RiskCard({ risk, stored }: { risk: RiskScore; stored: number | null }) {
  return (
    <Card aria-labelledby="risk-title">
      <CardHeader
        titleId="risk-title"
        title={<span className="flex items-center gap-2">Risk <RiskBadge level={risk.level} score={risk.score} /></span>}
        description={`Recomputed now from live data${stored !== null ? `; ${stored} when submitted` : ""}. Each factor adds points: under 25 is low, 50 and over is high.`}
      />
      <CardContent>
        <table className="w-full text-sm">
          <caption className="sr-only">Risk factors</caption>
          <thead><tr className="text-left text-fg-muted"><th className="py-1 font-medium">Factor</th><th className="py-1 font-medium">Points</th><th className="py-1 font-medium">Why</th></tr></thead>
          <tbody>
            {risk.factors.map((factor) => (
              <tr key={factor.factor} className="border-t border-line">
                <td className="py-1.5 pr-3 font-medium">{factor.factor}</td>
                <td className="py-1.5 pr-3 tabular-nums">{factor.points}</td>
                <td className="py-1.5 text-fg-muted">{factor.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
