// GET /api/v1/services/{slug}/oncall: who to page now, for alerting tools and bots.
import type { Actor } from "../auth/actor";
import { authorizeNamedService } from "../authz/can";
import type { Db } from "../db";
import { notFound } from "../errors";
import { getOnCallNow } from "./get-oncall-now";
import { ZServiceSlugParam } from "./schemas";

const person = (ref: { name: string; email: string } | null) => (ref ? { name: ref.name, email: ref.email } : null);

export async function onCallForApi(prisma: Db, actor: Actor, slug: string, now = new Date()) {
  // A slug no service can have is a missing service, like another service's (no probing for slugs).
  const service = ZServiceSlugParam.safeParse(slug).success ? await prisma.service.findUnique({ where: { slug }, select: { id: true } }) : null;
  authorizeNamedService(actor, "oncall.read", service, () => notFound("The service"));
  const [answer] = await getOnCallNow(prisma, { slug }, now);
  if (!answer) throw notFound("The service");
  return {
    service: answer.service,
    cover: answer.cover,
    primary: person(answer.primary),
    secondary: person(answer.secondary),
    until: answer.until?.toISOString() ?? null,
    next: answer.next ? { name: answer.next.name, email: answer.next.email, from: answer.next.from.toISOString() } : null,
  };
}
