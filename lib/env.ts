// The only place that reads process.env. Read lazily so `next build` needs no runtime settings.
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : value === "true" || value === "1"));

const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (npm start and npm run dev set it for the embedded database)" })
    .min(1, "DATABASE_URL is required (npm start and npm run dev set it for the embedded database)"),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Encrypts webhook signing secrets at rest (lib/webhooks/secret-box.ts); NEXTAUTH_SECRET when unset. */
  RUNWELL_SECRETS_KEY: z.string().min(16, "RUNWELL_SECRETS_KEY must be at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_DISPLAY_NAME: z.string().default("Single sign-on"),
  /** Create people on first OIDC sign-in (as engineers) instead of refusing unknown emails. */
  OIDC_AUTO_PROVISION: flag,
  /** Set by the launcher when it started the embedded PostgreSQL. */
  RUNWELL_EMBEDDED_DB: flag,
  /** Demo password sign-in: on with the embedded database, otherwise off unless set to true. */
  RUNWELL_DEMO_SIGN_IN: flag,
  /** When set, GET /api/metrics wants `Authorization: Bearer <this>` (docs/DEPLOY.md). */
  RUNWELL_METRICS_TOKEN: z
    .union([z.literal(""), z.string().min(16, "RUNWELL_METRICS_TOKEN must be at least 16 characters")])
    .optional()
    .transform((value) => value || undefined),
  /** Proxies whose X-Forwarded-For is believed (lib/http/client-address.ts); empty: none. */
  RUNWELL_TRUSTED_PROXIES: z.string().default(""),
  /** Failed password sign-ins per account, and per client address, before a lock (docs/SECURITY.md). */
  RUNWELL_SIGN_IN_ACCOUNT_LIMIT: z.coerce.number().int().positive().default(5),
  RUNWELL_SIGN_IN_ADDRESS_LIMIT: z.coerce.number().int().positive().default(20),
  /** The window the failures are counted in, and how long a lock lasts. */
  RUNWELL_SIGN_IN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Requests per minute per API token on /api/v1; 0 turns the limit off. */
  RUNWELL_API_RATE_LIMIT: z.coerce.number().int().nonnegative().default(6000),
  /** Outgoing email, e.g. smtp://user:pass@mail.example.com:587; email is off when unset. */
  SMTP_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  /** The From address of Runwell's email. */
  SMTP_FROM: z.string().default("Runwell <runwell@localhost>"),
  /** The organisation's currency (ISO 4217) until an admin sets one on /settings; unset: from the locale. */
  RUNWELL_CURRENCY: z.string().optional(),
  /** The server's locale (LC_ALL wins over LANG, as in POSIX): its region gives the default currency. */
  LC_ALL: z.string().optional(),
  LANG: z.string().optional(),
  /** "off": this process serves requests but works no jobs (another instance or process does). */
  RUNWELL_JOBS: z.enum(["on", "off", ""]).default("on"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema> & { demoSignIn: boolean; oidcConfigured: boolean };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const values = parsed.data;
  cached = {
    ...values,
    demoSignIn: values.RUNWELL_DEMO_SIGN_IN ?? values.RUNWELL_EMBEDDED_DB ?? false,
    oidcConfigured: Boolean(values.OIDC_ISSUER && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET),
  };
  return cached;
}
