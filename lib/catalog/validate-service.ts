// Checks that need the database: the team exists, and a target other than its exposure band's
// suggestion (above or below) is justified.
import type { DbTx } from "../db";
import { AppError } from "../errors";
import { bandForLoss, targetLabel, targetVersusBand } from "./availability";
import type { TServiceData } from "./schemas";

export async function validateServiceAgainstOrganisation(tx: DbTx, data: TServiceData): Promise<void> {
  const [team, bands] = await Promise.all([
    tx.team.findUnique({ where: { id: data.teamId }, select: { id: true } }),
    tx.exposureBand.findMany({ select: { name: true, minLossPerHour: true, availabilityTarget: true } }),
  ]);
  if (!team) throw AppError.validation({ teamId: ["Choose an existing team."] });
  const versus = targetVersusBand(bands, data.maxLossPerHour, data.availabilityTarget);
  if (versus !== "matches" && !data.targetJustification) {
    const band = bandForLoss(bands, data.maxLossPerHour);
    const suggested = band ? targetLabel(band.availabilityTarget) : "95.0%";
    const why = versus === "above" ? `why this service needs ${targetLabel(data.availabilityTarget)}` : `why ${targetLabel(data.availabilityTarget)} is enough for this service`;
    throw AppError.validation({
      targetJustification: [`The exposure band for this loss (${band?.name ?? "lowest"}) suggests ${suggested}. Explain ${why}.`],
    });
  }
}
