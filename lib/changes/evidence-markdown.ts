// The evidence pack as Markdown, for auditors who file documents. Pure.
import { sentenceTail, textOf, type AuditSentence } from "../audit/sentence-kit";
import type { EvidencePack } from "./evidence-pack";

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : "—");
const cell = (value: unknown) => String(value ?? "—").replaceAll("|", "\\|").replaceAll("\n", " ");

const escape = (text: string) => text.replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`);

/** An event's sentence with its names linked to their pages (the page's rendering; files stay plain text). */
function linkedSentence(sentence: AuditSentence): string {
  const head = sentence.parts.map((part) => (typeof part !== "string" && part.href ? `[${escape(part.text)}](${part.href})` : escape(textOf(part)))).join("");
  return head + escape(sentenceTail(sentence));
}

/** `links`: name the things in the audit table as links to their pages (for the portal, not the file). */
export function evidenceMarkdown(pack: EvidencePack, options: { links?: boolean } = {}): string {
  const c = pack.change;
  const lines: string[] = [];
  lines.push(`# Evidence pack: CHG-${c.number} ${c.summary}`, "", `Generated ${pack.generatedAt} by Runwell.`, "");
  lines.push("## Change", "", "| Field | Value |", "| --- | --- |");
  const facts: [string, unknown][] = [
    ["Type", c.type], ["State", c.state], ["Service", `${c.service.name} (${c.service.slug}, ${c.service.tier}, team ${c.service.team})`], ["Environment", c.environment.name],
    ["Version", c.version], ["Requested by", c.requesterLabel], ["Planned", `${iso(c.plannedStart)} to ${iso(c.plannedEnd)}`], ["Risk", c.riskScore === null ? "—" : `${c.riskScore} (${c.riskLevel})`],
    ["Pattern", c.pattern ? `${c.pattern.name} (${c.pattern.slug})` : "—"], ["Submitted", iso(c.submittedAt)], ["Decided", iso(c.decidedAt)], ["Decision reason", c.decisionReason],
    ["Implemented", iso(c.implementedAt)], ["Closed", iso(c.closedAt)], ["Failure", c.failureReason],
  ];
  if (c.type === "EMERGENCY") facts.push(["Review due", iso(c.reviewDueAt)], ["Reviewed", c.reviewedAt ? `${iso(c.reviewedAt)} by ${c.reviewedBy?.name ?? "operator"}: ${c.reviewNotes}` : "not yet"]);
  for (const [field, value] of facts) lines.push(`| ${field} | ${cell(value)} |`);
  lines.push("", "## Plans", "", `**Description.** ${c.description || "—"}`, "", `**Implementation.** ${c.implementationPlan || "—"}`, "", `**Rollback.** ${c.rollbackPlan || "—"}`, "");
  lines.push("## Approvals", "");
  if (c.approvals.length) for (const vote of c.approvals) lines.push(`- ${vote.decision} by ${vote.person.name} <${vote.person.email}> at ${iso(vote.createdAt)}: ${vote.reason}`);
  else lines.push(c.type === "STANDARD" ? "- Pre-approved: standard change under a deployment pattern (see gate decisions)." : "- None recorded.");
  lines.push("", "## Gate decisions", "");
  if (!c.gateDecisions.length) lines.push("- None.");
  for (const decision of c.gateDecisions) {
    lines.push(`- ${decision.outcome} (${decision.changeType ?? "no change type"}) for ${decision.actorLabel} at ${iso(decision.createdAt)}, planned ${iso(decision.plannedAt)}`);
    for (const reason of decision.reasons as { rule: string; passed: boolean; message: string }[]) lines.push(`  - [${reason.passed ? "pass" : "FAIL"}] ${reason.rule}: ${reason.message}`);
  }
  lines.push("", "## Deployments", "");
  if (!c.deployments.length) lines.push("- Not deployed.");
  for (const deployment of c.deployments) {
    lines.push(`### ${deployment.version} to ${deployment.environment.slug}: ${deployment.status}`, "", `Deployer: ${deployment.deployer ?? "—"}. Started ${iso(deployment.startedAt)}, finished ${iso(deployment.finishedAt)}. Pipeline: ${deployment.pipelineUrl ?? "—"}. Required checks: ${deployment.requiredChecksStatus ?? "none required"}.`, "");
    lines.push("Commits:", "");
    if (!deployment.commits.length) lines.push("- none reported");
    for (const commit of deployment.commits) lines.push(`- \`${commit.sha}\` ${iso(commit.committedAt)} ${commit.author ?? ""}: ${commit.message ?? ""}`);
    lines.push("", "Health checks:", "");
    if (!deployment.healthChecks.length) lines.push("- none reported");
    for (const check of deployment.healthChecks) lines.push(`- ${check.name}: ${check.status} at ${iso(check.checkedAt)}${check.details ? ` (${check.details})` : ""}`);
    for (const flag of deployment.flags) lines.push(`- FLAG ${flag.kind}: ${flag.message}`);
    lines.push("");
  }
  if (!c.deployments.length && c.commitShas.length) lines.push(`Commits named at the gate or by the requester: ${c.commitShas.map((sha) => `\`${sha}\``).join(", ")}`, "");
  lines.push("## Linked incidents", "");
  if (!pack.incidents.items.length) lines.push(`- ${pack.incidents.note}`);
  for (const incident of pack.incidents.items) {
    const name = `INC-${incident.number}`;
    const window = `unavailable ${iso(incident.availabilityLostAt)} – ${incident.availabilityRegainedAt ? iso(incident.availabilityRegainedAt) : "still"}`;
    lines.push(`- ${options.links ? `[${name}](/incidents/${incident.id})` : name} ${cell(incident.title)}: ${incident.impact.toLowerCase()} impact, ${incident.status.toLowerCase()}, caused by deployment \`${incident.causeDeploymentId}\`, ${window}`);
  }
  lines.push("");
  // What happened in words; the action and hash prefix tie each row to the raw event in the JSON download and the chain.
  lines.push("## Audit events", "", "| Seq | Time | What happened | Event | Hash |", "| --- | --- | --- | --- | --- |");
  for (const event of pack.auditEvents) lines.push(`| ${event.seq ?? "unsealed"} | ${iso(event.occurredAt)} | ${cell(options.links ? linkedSentence(event.sentence) : event.says)} | \`${event.action}\` | ${event.hash ? `\`${event.hash.slice(0, 16)}\`` : "—"} |`);
  lines.push("", "Verify the chain with `GET /api/v1/audit/verify`.", "");
  return lines.join("\n");
}
