// A local SMTP server for the e2e run (started by global-setup.ts): the portal under test sends every
// email here (playwright.config.ts gives it SMTP_URL), and each message lands as a .eml file in the
// run's data directory, where specs read it with `mailTo` (e.g. a page's acknowledge link).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

function mailDir(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  return path.join(dir, "mail");
}

export async function startMailSink(port: number): Promise<() => Promise<void>> {
  const dir = mailDir();
  mkdirSync(dir, { recursive: true });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        sequence += 1;
        writeFileSync(path.join(dir, `${Date.now()}-${sequence}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Every email received so far for `address`, parsed. */
export async function mailTo(address: string): Promise<ParsedMail[]> {
  const dir = mailDir();
  const files = readdirSync(dir).filter((name) => name.endsWith(".eml")).sort();
  const mails = await Promise.all(files.map((name) => simpleParser(readFileSync(path.join(dir, name)))));
  return mails.filter((mail) => (mail.to && "text" in mail.to ? mail.to.text : "").includes(address));
}
