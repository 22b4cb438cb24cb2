// The two portals of the OIDC run and the provider they trust, with ports derived from E2E_PORT and
// E2E_DB_PORT so parallel checkouts do not collide. Read by playwright.oidc.config.ts, the provider's
// launcher and the specs alike. Both portals use one embedded PostgreSQL (the first starts it).
import type { IdpClient } from "./idp-accounts";

const basePort = Number(process.env.E2E_PORT ?? 3100);

/** The embedded PostgreSQL both portals share. */
export const OIDC_DB_PORT = Number(process.env.E2E_DB_PORT ?? 55500);

export const IDP_PORT = Number(process.env.E2E_OIDC_IDP_PORT ?? basePort + 90);
export const IDP_ISSUER = `http://127.0.0.1:${IDP_PORT}`;

export type OidcPortal = IdpClient & { name: string; port: number; autoProvision: boolean };

function portal(name: string, offset: number, autoProvision: boolean): OidcPortal {
  const port = basePort + offset;
  return {
    name,
    port,
    autoProvision,
    portalUrl: `http://localhost:${port}`,
    clientId: `runwell-${name}`,
    clientSecret: `test-secret-of-runwell-${name}`,
  };
}

/** Unknown emails are refused (OIDC_AUTO_PROVISION unset). */
export const REGISTERED_ONLY = portal("registered-only", 0, false);
/** Unknown emails are created as engineers (OIDC_AUTO_PROVISION=true). */
export const AUTO_PROVISION = portal("auto-provision", 1, true);

export const OIDC_PORTALS = [REGISTERED_ONLY, AUTO_PROVISION] as const;

/** What the sign-in button says: OIDC_DISPLAY_NAME of both portals. */
export const IDP_DISPLAY_NAME = "Test IdP";
