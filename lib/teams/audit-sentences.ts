// Teams, their members and domains in the audit trail (save-team, manage-membership, the seed's domains).
// Registered in lib/audit/audit-actions.ts.
import { edited, field, sentence, type FieldSpecs, type SentenceContext, type SentenceMap } from "../audit/sentence-kit";

export const TEAM_FIELDS: FieldSpecs = {
  slug: field.plain("slug"),
  name: field.plain("name"),
  description: field.text("description"),
  domainId: field.ref("domain", "Domain"),
  chatChannel: field.plain("chat channel"),
};

/** A membership is audited as "<teamId>:<personId>"; its payloads name both too. */
function member(ctx: SentenceContext) {
  const [teamId, personId] = ctx.entityId.split(":");
  const snapshot = { ...ctx.before, ...ctx.after };
  return {
    person: ctx.ref("Person", snapshot.personId ?? personId, "a deleted person"),
    team: ctx.ref("Team", snapshot.teamId ?? teamId, "a deleted team"),
  };
}

export const teamSentences = {
  "domain.create": (ctx) => sentence(ctx.actor, " created the domain ", ctx.entity),
  "team.create": (ctx) => sentence(ctx.actor, " created the team ", ctx.entity, ctx.after.domainId ? [" in the ", ctx.ref("Domain", ctx.after.domainId), " domain"] : []),
  "team.update": (ctx) => edited(ctx, TEAM_FIELDS),
  "team-membership.create": (ctx) => {
    const { person, team } = member(ctx);
    return sentence(ctx.actor, " added ", person, " to ", team, ctx.after.isLead ? " as a lead" : "");
  },
  "team-membership.update": (ctx) => {
    const { person, team } = member(ctx);
    return ctx.after.isLead ? sentence(ctx.actor, " made ", person, " a lead of ", team) : sentence(ctx.actor, " made ", person, " no longer a lead of ", team);
  },
  "team-membership.delete": (ctx) => {
    const { person, team } = member(ctx);
    return sentence(ctx.actor, " removed ", person, " from ", team);
  },
} satisfies SentenceMap;
