// GET /api/v1/services/{slug}/oncall: who to page now, for alerting tools and bots. In working hours
// it names the owning team (and its chat channel) as well as the person on its rota, if any.
import type { Actor } from "../auth/actor";
import { authorizeNamedService } from "../authz/can";
import type { Db } from "../db";
import { notFound } from "../errors";
import { getOnCallNow } from "./get-oncall-now";
import { ZServiceSlugParam } from "./schemas";

const person = (ref: { name: string; email: string } | null) => (ref ? { name: ref.name, email: ref.email } : null);

export async function onCallForApi(prisma: Db, actor: Actor, slug: string, now = new Date()) {
  // A slug no service can have is a missing service, like another service's (no probing for slugs).
  const service = ZServiceSlugParam.safeParse(slug).success
    ? await prisma.service.findUnique({ where: { slug }, select: { id: true, team: { select: { name: true, chatChannel: true } } } })
    : null;
  authorizeNamedService(actor, "oncall.read", service, () => notFound("The service"));
  const [answer] = await getOnCallNow(prisma, { slug }, now);
  if (!answer) throw notFound("The service");
  return {
    service: answer.service,
    cover: answer.cover,
    // In working hours the owning team supports its services: say where to reach it, with or without a rota.
    team: answer.cover === "in_hours_team" && service ? { name: service.team.name, chatChannel: service.team.chatChannel } : null,
    primary: person(answer.primary),
    secondary: person(answer.secondary),
    until: answer.until?.toISOString() ?? null,
    next: answer.next ? { name: answer.next.name, email: answer.next.email, from: answer.next.from.toISOString() } : null,
  };
}
