// Demo runbooks: every service has its overview from the starter template; the busiest services have
// alert runbooks with a few revisions by different people, linked alerts, and one that is overdue
// for review in the Checkout team (so the demo engineer's home shows it).
import type { PersonActor } from "../../lib/auth/actor";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import type { DbTx } from "../../lib/db";
import { BUILTIN_TEMPLATES } from "../../lib/runbooks/builtin-templates";
import { insertRunbook } from "../../lib/runbooks/create-runbook";
import { fillTemplate } from "../../lib/runbooks/fill-template";
import { ZRunbookContent, type TRunbookContent } from "../../lib/runbooks/schemas";
import { saveRevision } from "../../lib/runbooks/update-runbook";
import { writtenAt } from "./backdate";

const DAY = 86_400_000;

type DemoRunbook = {
  service: string;
  title: string;
  tags: string[];
  alertNames: string[];
  owner?: string;
  /** Days since the last review; the default interval is 90 days. */
  reviewedDaysAgo: number;
  revisions: { body: string; summary: string; author: string; daysAgo: number }[];
};

const CARD_DECLINES_V1 = `# Card declines spike

The share of declined card authorisations is above 15% for 5 minutes.

## Check
1. Open the **Checkout API** dashboard, panel *Authorisation outcomes*.
2. Compare declines by acquirer: one acquirer or all?

## Mitigate
- [ ] If one acquirer: switch routing to the secondary acquirer
`;

const CARD_DECLINES_V2 = `${CARD_DECLINES_V1}- [ ] If all acquirers: check the 3-D Secure provider status page

\`\`\`sh
curl -s https://status.3ds.example.com/api/v2/status.json | jq .status
\`\`\`

## Escalate
| When | Who |
| --- | --- |
| Not mitigated in 15 minutes | Checkout team lead |
| Acquirer-side | Acquirer support, see the third-party escalation runbook |
`;

const DB_FAILOVER = (service: string) => `# Database failover: ${service}

## When
The primary PostgreSQL is unreachable or replication lag is above 60 seconds.

## Steps
1. Confirm the primary is down: \`pg_isready -h db-primary\`.
2. Promote the replica:

\`\`\`sh
patronictl failover --candidate db-replica-1 --force
\`\`\`

3. Watch the error rate return under 1%.

## Afterwards
- [ ] Rebuild the old primary as a replica
- [ ] Write up the incident
`;

export const DEMO_RUNBOOKS: readonly DemoRunbook[] = [
  {
    service: "checkout-api", title: "Card declines spike", tags: ["payments", "acquirer"], alertNames: ["CheckoutCardDeclinesHigh"],
    owner: "amara.okafor@runwell.local", reviewedDaysAgo: 20,
    revisions: [
      { body: CARD_DECLINES_V1, summary: "First version after the October incident", author: "Amara Okafor", daysAgo: 60 },
      { body: CARD_DECLINES_V2, summary: "Added the 3-D Secure check and escalation", author: "Tomás Silva", daysAgo: 20 },
    ],
  },
  {
    service: "checkout-api", title: "Checkout latency high", tags: ["latency", "database"], alertNames: ["CheckoutLatencyP99High"],
    owner: "engineer@runwell.local", reviewedDaysAgo: 130,
    revisions: [
      { body: "# Checkout latency high\n\np99 above 800 ms for 10 minutes.\n\n## Check\n1. Connection pool saturation on the orders database.\n", summary: "Created", author: "Erin Engineer", daysAgo: 200 },
      { body: "# Checkout latency high\n\np99 above 800 ms for 10 minutes.\n\n## Check\n1. Connection pool saturation on the orders database.\n2. Slow queries: `SELECT * FROM pg_stat_activity WHERE state = 'active'`.\n\n## Mitigate\n- [ ] Scale out the API pods\n- [ ] Fail over the database if the primary is degraded\n", summary: "Added mitigation steps", author: "Priya Raman", daysAgo: 130 },
    ],
  },
  {
    service: "basket-service", title: "Basket database failover", tags: ["database", "failover"], alertNames: ["BasketDbPrimaryDown", "BasketDbReplicationLag"],
    reviewedDaysAgo: 10,
    revisions: [
      { body: DB_FAILOVER("Basket Service"), summary: "Created", author: "Priya Raman", daysAgo: 40 },
      { body: DB_FAILOVER("Basket Service").replace("60 seconds", "30 seconds"), summary: "Tightened the lag threshold to 30 s", author: "Amara Okafor", daysAgo: 10 },
    ],
  },
  {
    service: "ledger-core", title: "Settlement file missing", tags: ["reconciliation", "acquirer"], alertNames: ["LedgerSettlementFileLate"],
    owner: "hannah.becker@runwell.local", reviewedDaysAgo: 30,
    revisions: [
      { body: "# Settlement file missing\n\nThe acquirer's settlement file has not arrived by 06:00 UTC.\n\n## Steps\n1. Check the SFTP inbox.\n2. Ask the acquirer to resend (see third-party escalation).\n", summary: "Created", author: "Hannah Becker", daysAgo: 45 },
      { body: "# Settlement file missing\n\nThe acquirer's settlement file has not arrived by 06:00 UTC.\n\n## Steps\n1. Check the SFTP inbox: `sftp settlements@sftp.acquirer.example`.\n2. Ask the acquirer to resend (see third-party escalation).\n3. Re-run the import: `./bin/import-settlement --date yesterday`.\n", summary: "Added commands", author: "Kenji Watanabe", daysAgo: 30 },
      { body: "# Settlement file missing\n\nThe acquirer's settlement file has not arrived by 06:00 UTC. Reconciliation waits for it; nothing is lost.\n\n## Steps\n1. Check the SFTP inbox: `sftp settlements@sftp.acquirer.example`.\n2. Ask the acquirer to resend (see third-party escalation).\n3. Re-run the import: `./bin/import-settlement --date yesterday`.\n", summary: "Said why it is not urgent", author: "Grace Whitfield", daysAgo: 30 },
    ],
  },
  {
    service: "ledger-core", title: "Ledger database failover", tags: ["database", "failover"], alertNames: ["LedgerDbPrimaryDown"], reviewedDaysAgo: 50,
    revisions: [{ body: DB_FAILOVER("Ledger Core"), summary: "Created", author: "Kenji Watanabe", daysAgo: 50 }],
  },
  {
    service: "identity", title: "Sign-in error rate high", tags: ["authentication", "errors"], alertNames: ["IdentitySignInErrorsHigh"], reviewedDaysAgo: 15,
    revisions: [
      { body: "# Sign-in error rate high\n\nMore than 2% of sign-ins fail with 5xx.\n\n## Check\n1. Token signing keys rotated recently?\n2. Session store (Redis) memory.\n\n## Roll back\nSee the restore and rollback runbook.\n", summary: "Created", author: "Chloé Dubois", daysAgo: 15 },
    ],
  },
  {
    service: "email-dispatcher", title: "Email provider outage", tags: ["third-party", "email"], alertNames: ["EmailProviderErrors"], reviewedDaysAgo: 5,
    revisions: [
      { body: "# Email provider outage\n\n## Confirm\nCheck the provider's status page.\n\n## Mitigate\n- [ ] Switch to the backup provider: `kubectl set env deploy/email-dispatcher PROVIDER=backup`\n- [ ] Queue keeps messages for 24 hours; nothing is lost\n", summary: "Created", author: "Ruth Adeyemi", daysAgo: 5 },
    ],
  },
];

/**
 * Writes each runbook the way its authors did: the first revision through insertRunbook (createRunbook's
 * write) and every later one through saveRevision (updateRunbook's), each by its author, then moved to
 * when it was written; the last review is recorded as markRunbookReviewed records it.
 */
export async function seedDemoRunbooks(
  tx: DbTx,
  services: { id: string; slug: string; name: string; teamName: string; lead: string }[],
  input: { people: (email: string) => PersonActor; emailByName: Map<string, string>; now: Date },
): Promise<void> {
  const daysAgo = (days: number) => new Date(input.now.getTime() - days * DAY);
  const overview = BUILTIN_TEMPLATES.find((template) => template.isStarter)!;
  for (const service of services) {
    const lead = input.people(service.lead);
    await writeRunbook(tx, {
      service,
      content: { title: `${service.name}: service overview`, tags: overview.tags, alertNames: [], reviewIntervalDays: 180, ownerId: null },
      revisions: [{ body: fillTemplate(overview.body, { service: service.name, team: service.teamName }), summary: `Starter runbook from the template "${overview.name}"`, author: lead, at: daysAgo(7) }],
      review: null,
    });
  }
  const byName = (name: string) => input.people(input.emailByName.get(name)!);
  for (const runbook of DEMO_RUNBOOKS) {
    const service = services.find((candidate) => candidate.slug === runbook.service)!;
    const revisions = runbook.revisions.map((revision) => ({ body: revision.body, summary: revision.summary, author: byName(revision.author), at: daysAgo(revision.daysAgo) }));
    // Revisions of one day are a few minutes apart, in their order.
    revisions.forEach((revision, index) => (revision.at = new Date(revision.at.getTime() + index * 60_000)));
    const reviewer = runbook.owner ? input.people(runbook.owner) : revisions.at(-1)!.author;
    await writeRunbook(tx, {
      service,
      content: { title: runbook.title, tags: runbook.tags, alertNames: runbook.alertNames, reviewIntervalDays: 90, ownerId: runbook.owner ? input.people(runbook.owner).id : null },
      revisions,
      // Marked reviewed after it was written (on an edit's day, just after the edit).
      review: runbook.reviewedDaysAgo < runbook.revisions[0]!.daysAgo ? { by: reviewer, at: new Date(daysAgo(runbook.reviewedDaysAgo).getTime() + revisions.length * 60_000) } : null,
    });
  }
}

type RunbookHistory = {
  service: { id: string; slug: string };
  content: Omit<TRunbookContent, "body" | "summary">;
  revisions: { body: string; summary: string; author: PersonActor; at: Date }[];
  review: { by: PersonActor; at: Date } | null;
};

async function writeRunbook(tx: DbTx, history: RunbookHistory): Promise<void> {
  const [first, ...later] = history.revisions;
  const content = (revision: RunbookHistory["revisions"][number]): TRunbookContent => ZRunbookContent.parse({ ...history.content, body: revision.body, summary: revision.summary });
  const { id } = await writtenAt(first!.at, () => insertRunbook(tx, first!.author, history.service, content(first!), first!.at));
  for (const [index, revision] of later.entries()) {
    const { revision: number } = await writtenAt(revision.at, () => saveRevision(tx, revision.author, id, index + 1, content(revision), { action: "runbook.update", restoredFromNumber: null }));
    await tx.runbookRevision.updateMany({ where: { runbookId: id, number }, data: { createdAt: revision.at } });
  }
  if (history.review) {
    const before = await tx.runbook.findUniqueOrThrow({ where: { id }, select: { slug: true, revision: true, lastReviewedAt: true, lastReviewedById: true } });
    const after = { ...before, lastReviewedAt: history.review.at, lastReviewedById: history.review.by.id };
    await tx.runbook.update({ where: { id }, data: { lastReviewedAt: after.lastReviewedAt, lastReviewedById: after.lastReviewedById }, select: { id: true } });
    await recordAuditEvent(tx, history.review.by, { action: "runbook.review", entityType: "Runbook", entityId: id, before, after, occurredAt: history.review.at });
  }
}
