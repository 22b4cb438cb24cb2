// Every new service starts with a runbook made from the starter template, so there is always a place
// to write down how it fails. Called inside createService's transaction (it has authorised the actor).
import type { Actor } from "../auth/actor";
import type { DbTx } from "../db";
import { BUILTIN_TEMPLATES } from "./builtin-templates";
import { insertRunbook, type CreatedRunbook } from "./create-runbook";
import { fillTemplate } from "./fill-template";

export async function createStarterRunbook(
  tx: DbTx,
  actor: Actor,
  service: { id: string; slug: string; name: string; teamId: string },
): Promise<CreatedRunbook> {
  const [template, team] = await Promise.all([
    tx.runbookTemplate.findFirst({ where: { isStarter: true }, orderBy: { position: "asc" }, select: { name: true, body: true, tags: true } }),
    tx.team.findUniqueOrThrow({ where: { id: service.teamId }, select: { name: true } }),
  ]);
  // Admins may have removed every starter template: fall back to the built-in overview.
  const source = template ?? BUILTIN_TEMPLATES.find((builtin) => builtin.isStarter)!;
  return insertRunbook(tx, actor, service, {
    title: `${service.name}: service overview`,
    body: fillTemplate(source.body, { service: service.name, team: team.name }),
    tags: source.tags,
    alertNames: [],
    reviewIntervalDays: 90,
    ownerId: null,
    summary: `Starter runbook from the template "${source.name}"`,
  });
}
