// The templates a fresh installation starts with. The migration 20261126110000_runbooks inserts them
// (generated from this list), admins edit them afterwards; createService falls back to the service
// overview here if an admin has removed every starter template.
// Placeholders {{service}} and {{team}} are filled in when a runbook is made from a template.

export type BuiltinTemplate = { slug: string; name: string; description: string; tags: string[]; isStarter: boolean; body: string };

export const BUILTIN_TEMPLATES: BuiltinTemplate[] = [
  {
    slug: "service-overview",
    name: "Service overview",
    description: "What the service does, how it fails, who to call. Every new service starts with one.",
    tags: ["overview"],
    isStarter: true,
    body: `# {{service}}: service overview

Owned and run by **{{team}}**.

## What it does
Describe what the service does and who depends on it.

## Dashboards and alerts
| What | Where |
| --- | --- |
| Main dashboard | (link) |
| Alert definitions | (link) |

## Known failure scenarios
- [ ] Dependency unavailable: see the dependency failure runbook
- [ ] Bad deployment: see the restore and rollback runbook

## Who to call
1. The on-call engineer of {{team}}
2. The team lead of {{team}}
`,
  },
  {
    slug: "alert-response",
    name: "Alert response",
    description: "What an alert means, how to check it, and how to make it stop hurting users.",
    tags: ["alert"],
    isStarter: false,
    body: `# Alert: <alert name>

## What it means
The condition and threshold that fire this alert, and what users notice.

## Check
1. Open the service dashboard and confirm the symptom.
2. Check recent deployments of {{service}}.

\`\`\`sh
kubectl -n {{service}} get pods
\`\`\`

## Mitigate
- [ ] Roll back the last deployment if it lines up with the alert
- [ ] Scale out if saturation is the cause

## Escalate
If not mitigated within 15 minutes, page the team lead of {{team}}.
`,
  },
  {
    slug: "restore-rollback",
    name: "Restore and rollback",
    description: "Step by step: roll back a release, restore data from backup, confirm recovery.",
    tags: ["restore", "rollback"],
    isStarter: false,
    body: `# Restore and rollback: {{service}}

## Roll back a release
1. Find the last good version in the deployment history.
2. Redeploy it through the pipeline.

\`\`\`sh
./deploy.sh {{service}} <last-good-version>
\`\`\`

## Restore data from backup
1. Stop writers.
2. Restore the most recent snapshot.
3. Replay events since the snapshot.

## Confirm recovery
- [ ] Error rate back under the target
- [ ] Synthetic checks green
`,
  },
  {
    slug: "dependency-failure",
    name: "Dependency failure",
    description: "A dependency is down or slow: degrade gracefully and tell its owners.",
    tags: ["dependency"],
    isStarter: false,
    body: `# Dependency failure: {{service}}

## Dependencies
| Dependency | Owner | Fallback |
| --- | --- | --- |
| (name) | (team) | (what we do without it) |

## When a dependency fails
1. Confirm on its status page or dashboard.
2. Switch on the fallback or the circuit breaker.
3. Tell the owning team in their channel.

## Recover
- [ ] Switch the fallback off once the dependency is healthy
`,
  },
  {
    slug: "third-party-escalation",
    name: "Third-party escalation",
    description: "How to reach an external provider, with contract and support details.",
    tags: ["escalation", "third-party"],
    isStarter: false,
    body: `# Third-party escalation: <provider>

## Support contacts
| Level | Contact | Hours |
| --- | --- | --- |
| Standard | (support portal) | working hours |
| Urgent | (phone) | 24/7 |

## Before you call
- Contract or account number
- Time the problem started (UTC) and example request ids

## After the call
Record the case number in the incident timeline.
`,
  },
];
