// Webhook secrets at rest. Signing needs the secret itself, so it cannot be hashed like an API token;
// it is encrypted with AES-256-GCM under a key derived (HKDF) from RUNWELL_SECRETS_KEY, or from
// NEXTAUTH_SECRET when that is not set. A database dump alone then does not let anyone forge
// Runwell's webhooks. The key's fingerprint is stored beside each secret, so a changed key is named
// as the cause instead of failing as a bad signature.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";
import { AppError } from "../errors";

const VERSION = "v1";

function masterKey(): string {
  const key = env().RUNWELL_SECRETS_KEY ?? env().NEXTAUTH_SECRET;
  if (!key) throw new AppError("BAD_REQUEST", "Webhook secrets are encrypted with RUNWELL_SECRETS_KEY (or NEXTAUTH_SECRET): set one, the same as the portal's.");
  return key;
}

function derived(master: string): { key: Buffer; fingerprint: string } {
  const key = Buffer.from(hkdfSync("sha256", master, "runwell", "webhook secrets v1", 32));
  return { key, fingerprint: createHash("sha256").update(key).digest("hex").slice(0, 12) };
}

export function sealSecret(secret: string): string {
  const { key, fingerprint } = derived(masterKey());
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, fingerprint, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

export class SecretKeyChanged extends Error {}

export function openSecret(stored: string): string {
  const [version, fingerprint, iv, tag, sealed] = stored.split(".");
  if (version !== VERSION || !fingerprint || !iv || !tag || !sealed) throw new SecretKeyChanged("The webhook's secret is not in a form this version reads.");
  const { key, fingerprint: current } = derived(masterKey());
  if (fingerprint !== current) throw new SecretKeyChanged("The webhook's secret was encrypted under another RUNWELL_SECRETS_KEY/NEXTAUTH_SECRET: restore that key, or remove the webhook and add it again.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
