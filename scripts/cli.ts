// Operator command line: `npm run -s cli -- <command>`. Uses the same database as the portal
// (DATABASE_URL, or the embedded PostgreSQL, reused while the portal runs).
import { parseArgs } from "node:util";
import { cliActor } from "../lib/auth/actor";
import { AppError } from "../lib/errors";
import { localAuthSecret } from "../lib/runtime/local-secret";
import { applyMigrations } from "../lib/runtime/prepare-database";
import { resolveDatabase } from "../lib/runtime/resolve-database";

const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  person add --email E --name N [--role ENGINEER|PRODUCT_MANAGER|CHANGE_MANAGER|ADMIN] [--incident-manager]
  person set-role --email E --role R
  token create --service SLUG --scopes a,b [--name N] [--expires-in-days D]   prints only the token
  token list --service SLUG                       the service's tokens (never their secrets)
  token revoke --id ID                            stops the token at once, in every portal process
  webhook add (--team SLUG | --org) --url URL --events a,b [--format standard|slack] [--description D]
                                                  the secret is printed once, as the last line
  webhook list [--team SLUG]                      webhooks and their latest delivery (never secrets)
  webhook remove --id ID
  audit verify
`;

/** Resolves to the process exit code. */
type Command = (args: string[]) => Promise<number>;

async function personAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, "incident-manager": { type: "boolean" } },
  });
  const { db } = await import("../lib/db");
  const { addPerson } = await import("../lib/people/add-person");
  const person = await addPerson(db(), cliActor(), {
    email: values.email ?? "",
    name: values.name ?? "",
    role: values.role ?? "ENGINEER",
    isIncidentManager: values["incident-manager"] ?? false,
  });
  console.log(`Added ${person.name} <${person.email}> as ${person.role}`);
  return 0;
}

async function personSetRole(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" } } });
  const { db } = await import("../lib/db");
  const { setPersonRole } = await import("../lib/people/set-person-role");
  const person = await setPersonRole(db(), cliActor(), { email: values.email ?? "", role: values.role ?? "" });
  console.log(`${person.name} <${person.email}> is now ${person.role}`);
  return 0;
}

async function tokenCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { service: { type: "string" }, scopes: { type: "string" }, name: { type: "string" }, "expires-in-days": { type: "string" } },
  });
  const { db } = await import("../lib/db");
  const { createApiToken } = await import("../lib/tokens/create-api-token");
  const token = await createApiToken(db(), cliActor(), {
    service: values.service ?? "",
    name: values.name ?? `${values.service ?? "service"} pipeline`,
    scopes: (values.scopes ?? "").split(",").map((scope) => scope.trim()).filter(Boolean),
    expiresInDays: values["expires-in-days"] ?? 365,
  });
  console.log(token.secret); // only the token, so pipelines can capture it: TOKEN=$(npm run -s cli -- token create ...)
  return 0;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");

async function tokenList(args: string[]) {
  const { values } = parseArgs({ args, options: { service: { type: "string" } } });
  const { db } = await import("../lib/db");
  const { listTokensOfService } = await import("../lib/tokens/list-service-tokens");
  const { tokens } = await listTokensOfService(db(), cliActor(), values.service ?? "");
  if (tokens.length === 0) {
    console.log(`No tokens for ${values.service}.`);
    return 0;
  }
  const rows = tokens.map((token) => [
    token.id, token.name, `${token.prefix}…`, token.scopes.join(","),
    token.revokedAt ? `revoked ${day(token.revokedAt)}` : token.expiresAt && token.expiresAt <= new Date() ? "expired" : "active",
    day(token.createdAt), day(token.expiresAt), day(token.lastUsedAt),
  ]);
  const header = ["ID", "NAME", "PREFIX", "SCOPES", "STATUS", "CREATED", "EXPIRES", "LAST USED"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd());
  return 0;
}

async function tokenRevoke(args: string[]) {
  const { values } = parseArgs({ args, options: { id: { type: "string" } } });
  const { db } = await import("../lib/db");
  const { revokeApiToken } = await import("../lib/tokens/revoke-api-token");
  const revoked = await revokeApiToken(db(), cliActor(), values.id ?? "");
  console.log(`Revoked token ${revoked.id} at ${revoked.revokedAt?.toISOString()}`);
  return 0;
}

async function webhookAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { team: { type: "string" }, org: { type: "boolean" }, url: { type: "string" }, events: { type: "string" }, format: { type: "string" }, description: { type: "string" } },
  });
  if (Boolean(values.team) === Boolean(values.org)) throw AppError.validation({ team: ["Give --team SLUG for a team's webhook, or --org for the organisation's (one of them)."] });
  const { db } = await import("../lib/db");
  const { createWebhook } = await import("../lib/webhooks/create-webhook");
  const { displayUrl } = await import("../lib/webhooks/schemas");
  const { id, secret } = await createWebhook(db(), cliActor(), {
    team: values.org ? null : values.team,
    url: values.url ?? "",
    events: (values.events ?? "").split(",").map((type) => type.trim()).filter(Boolean),
    format: (values.format ?? "standard").toUpperCase(),
    description: values.description ?? "",
  });
  console.log(`Added webhook ${id} of ${values.org ? "the organisation" : `team ${values.team}`} to ${displayUrl(values.url ?? "")}.`);
  console.log("Its signing secret follows; it is shown this once:");
  console.log(secret); // last, so scripts can capture it: SECRET=$(npm run -s cli -- webhook add ... | tail -1)
  return 0;
}

async function webhookList(args: string[]) {
  const { values } = parseArgs({ args, options: { team: { type: "string" } } });
  const { db } = await import("../lib/db");
  const { listAllWebhooks } = await import("../lib/webhooks/queries");
  const webhooks = (await listAllWebhooks(db(), cliActor())).filter((webhook) => !values.team || webhook.team?.slug === values.team);
  if (webhooks.length === 0) {
    console.log(values.team ? `No webhooks for team ${values.team}.` : "No webhooks.");
    return 0;
  }
  const last = (webhook: (typeof webhooks)[number]) => {
    const delivery = webhook.deliveries[0];
    if (!delivery) return "—";
    return `${delivery.status.toLowerCase()} ${delivery.lastStatusCode ?? ""} ${day(delivery.createdAt)}`.replace(/\s+/g, " ");
  };
  const rows = webhooks.map((webhook) => [
    webhook.id, webhook.team ? `team ${webhook.team.slug}` : "organisation", webhook.url, webhook.format.toLowerCase(), webhook.enabled ? "on" : "off", webhook.events.join(","), last(webhook),
  ]);
  const header = ["ID", "SCOPE", "URL", "FORMAT", "STATE", "EVENTS", "LAST DELIVERY"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd());
  return 0;
}

async function webhookRemove(args: string[]) {
  const { values } = parseArgs({ args, options: { id: { type: "string" } } });
  const { db } = await import("../lib/db");
  const { removeWebhook } = await import("../lib/webhooks/change-webhook");
  const removed = await removeWebhook(db(), cliActor(), values.id ?? "");
  console.log(`Removed webhook ${removed.id}; its pending deliveries were given up.`);
  return 0;
}

async function auditVerify() {
  const { db } = await import("../lib/db");
  const { verifyAuditChain } = await import("../lib/audit/verify-audit-chain");
  const result = await verifyAuditChain(db(), cliActor());
  console.log(JSON.stringify(result));
  return result.ok ? 0 : 1;
}

const COMMANDS: Record<string, Command> = {
  "person add": personAdd,
  "person set-role": personSetRole,
  "token create": tokenCreate,
  "token list": tokenList,
  "token revoke": tokenRevoke,
  "webhook add": webhookAdd,
  "webhook list": webhookList,
  "webhook remove": webhookRemove,
  "audit verify": auditVerify,
};

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const key = argv.slice(0, 2).join(" ");
  const command = COMMANDS[key];
  if (!command) {
    process.stderr.write(USAGE);
    return argv.length === 0 || argv[0] === "help" || argv[0] === "--help" ? 0 : 2;
  }
  // Quiet unless it has to start the embedded server itself.
  const database = await resolveDatabase((line) => {
    if (!line.startsWith("Using")) process.stderr.write(`${line}\n`);
  });
  process.env.DATABASE_URL = database.url;
  // Webhook secrets are encrypted under the portal's key (lib/webhooks/secret-box.ts); beside the
  // embedded database that is the local session secret the launcher gives the portal.
  if (database.embedded && !process.env.NEXTAUTH_SECRET) process.env.NEXTAUTH_SECRET = localAuthSecret();
  try {
    if (database.owned) applyMigrations(database.url); // the portal is not running: bring the schema up to date
    return await command(argv.slice(2));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`Error: ${error.message}\n`);
    for (const [field, messages] of Object.entries(error.fieldErrors)) process.stderr.write(`  --${field}: ${messages.join(" ")}\n`);
    return 1;
  } finally {
    const { db } = await import("../lib/db");
    await db().$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
