// Operator command line: `npm run -s cli -- <command>`. Uses the same database as the portal
// (DATABASE_URL, or the embedded PostgreSQL, reused while the portal runs).
import { parseArgs } from "node:util";
import { cliActor } from "../lib/auth/actor";
import { AppError } from "../lib/errors";
import { applyMigrations } from "../lib/runtime/prepare-database";
import { resolveDatabase } from "../lib/runtime/resolve-database";

const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  person add --email E --name N [--role ENGINEER|PRODUCT_MANAGER|CHANGE_MANAGER|ADMIN] [--incident-manager]
  person set-role --email E --role R
  token create --service SLUG --scopes a,b [--name N] [--expires-in-days D]   prints only the token
  token list --service SLUG                       the service's tokens (never their secrets)
  token revoke --id ID                            stops the token at once, in every portal process
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
