// Runbooks and their templates in the audit trail (create-runbook, update-runbook, restore-runbook-revision,
// mark-runbook-reviewed, save-runbook-template). Registered in lib/audit/audit-actions.ts.
import { edited, field, sentence, withNote, type FieldSpecs, type SentenceMap } from "../audit/sentence-kit";

/** The body is audited as a hash and a length (runbook-snapshot.ts): a change reads "changed the text". */
export const RUNBOOK_FIELDS: FieldSpecs = {
  slug: field.plain("slug"),
  title: field.plain("title"),
  bodySha256: field.text("text"),
  bodyLength: field.hidden,
  tags: field.plain("tags"),
  alertNames: field.plain("alert names"),
  reviewIntervalDays: field.number("review interval", " days"),
  ownerId: field.ref("owner", "Person"),
  serviceId: field.ref("service", "Service"),
  revision: field.hidden,
  summary: field.hidden,
  restoredFromNumber: field.hidden,
  lastReviewedAt: field.hidden,
  lastReviewedById: field.hidden,
};

export const TEMPLATE_FIELDS: FieldSpecs = {
  slug: field.plain("slug"),
  name: field.plain("name"),
  description: field.text("description"),
  body: field.text("text"),
  tags: field.plain("tags"),
  isStarter: field.plain("starter template"),
};

const revision = (value: unknown) => (typeof value === "number" ? ` (revision ${value})` : "");

export const runbookSentences = {
  "runbook.create": (ctx) => sentence(ctx.actor, " wrote the runbook ", ctx.entity, " for ", ctx.ref("Service", ctx.after.serviceId, "a deleted service")),
  "runbook.update": (ctx) => {
    const said = edited(ctx, RUNBOOK_FIELDS);
    return withNote({ ...said, parts: [...said.parts, revision(ctx.after.revision)] }, ctx.after.summary);
  },
  "runbook.restore": (ctx) =>
    withNote({ ...sentence(ctx.actor, ` restored revision ${ctx.words.number(ctx.after.restoredFromNumber)} of the runbook `, ctx.entity, revision(ctx.after.revision)), changes: ctx.changes(RUNBOOK_FIELDS) }, ctx.after.summary),
  "runbook.review": (ctx) => sentence(ctx.actor, " marked the runbook ", ctx.entity, " reviewed", revision(ctx.after.revision)),
  "runbook-template.create": (ctx) => sentence(ctx.actor, " created the runbook template ", ctx.entity, ctx.after.isStarter ? " as the starter for new services" : ""),
  "runbook-template.update": (ctx) => edited(ctx, TEMPLATE_FIELDS),
  "runbook-template.delete": (ctx) => sentence(ctx.actor, " deleted the runbook template ", ctx.entity),
} satisfies SentenceMap;
