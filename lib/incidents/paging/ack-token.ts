// The signed one-click acknowledge link of a page: `/incidents/ack/<token>`, where the token names the
// person, the incident and an expiry, signed with HMAC-SHA256 under a key derived (HKDF) from
// RUNWELL_SECRETS_KEY, or NEXTAUTH_SECRET when that is not set (as webhook secrets are, see
// lib/webhooks/secret-box.ts). Anyone holding the link acknowledges as that person, so it goes only
// into that person's own notice and email, never into a webhook or a Slack message, and it expires.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "../../env";

/** Long enough to outlast a night's incident, short enough that an old email is no key. */
export const ACK_LINK_HOURS = 24;

const ZClaims = z.object({ v: z.literal(1), p: z.string().min(1).max(100), i: z.string().min(1).max(100), e: z.number().int().positive() });

export type AckClaims = { personId: string; incidentId: string; expiresAt: Date };

export type AckTokenCheck = { ok: true; claims: AckClaims } | { ok: false; reason: "malformed" | "signature" | "expired"; message: string };

function signingKey(): Buffer {
  const master = env().RUNWELL_SECRETS_KEY ?? env().NEXTAUTH_SECRET;
  if (!master) throw new Error("Acknowledge links are signed with RUNWELL_SECRETS_KEY (or NEXTAUTH_SECRET): set one.");
  return Buffer.from(hkdfSync("sha256", master, "runwell", "incident acknowledge links v1", 32));
}

const mac = (body: string) => createHmac("sha256", signingKey()).update(body).digest();

export function signAckToken(claims: AckClaims): string {
  const body = Buffer.from(JSON.stringify({ v: 1, p: claims.personId, i: claims.incidentId, e: Math.floor(claims.expiresAt.getTime() / 1000) })).toString("base64url");
  return `${body}.${mac(body).toString("base64url")}`;
}

export function ackPath(claims: AckClaims): string {
  return `/incidents/ack/${signAckToken(claims)}`;
}

/** Checks the signature before reading anything the token says, then the expiry. */
export function verifyAckToken(token: string, now: Date): AckTokenCheck {
  const malformed = { ok: false, reason: "malformed", message: "This acknowledge link is incomplete or damaged: open it again from the page's email or notice." } as const;
  const match = /^([A-Za-z0-9_-]{10,600})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return malformed;
  const [, body, signature] = match as unknown as [string, string, string];
  const expected = mac(body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature", message: "This acknowledge link was not signed by this Runwell (it was changed, or comes from another installation): nothing was acknowledged." };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return malformed;
  }
  const claims = ZClaims.safeParse(parsed);
  if (!claims.success) return malformed;
  const expiresAt = new Date(claims.data.e * 1000);
  if (expiresAt <= now) return { ok: false, reason: "expired", message: `This acknowledge link expired at ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC: sign in to Runwell and acknowledge on the incident instead.` };
  return { ok: true, claims: { personId: claims.data.p, incidentId: claims.data.i, expiresAt } };
}
