// The people the test identity provider knows, by email. Some are registered in Runwell's demo
// organisation (prisma/seed/demo.ts), some are not: signing in at the provider proves who you are,
// Runwell then decides whether you may come in.

export type IdpAccount = { email: string; name: string; emailVerified?: boolean };

export const IDP_ACCOUNTS = {
  /** A demo engineer: registered in Runwell. */
  registered: { email: "engineer@runwell.local", name: "Erin Engineer" },
  /** Known to the provider, not to Runwell: refused unless auto-provisioning is on. */
  unregistered: { email: "una.unregistered@example.com", name: "Una Unregistered" },
  /** Signs in first on the auto-provisioning portal and is created there. */
  newcomer: { email: "nina.newcomer@example.com", name: "Nina Newcomer" },
  /** A registered demo email that this provider has not verified: refused, it could be anyone's. */
  unverified: { email: "pm@runwell.local", name: "Pat Product", emailVerified: false },
  /** A demo engineer with no team, deactivated by the auto-provisioning test before signing in. */
  leaver: { email: "lena.vogel@runwell.local", name: "Lena Vogel" },
} as const satisfies Record<string, IdpAccount>;

export function findIdpAccount(email: string): IdpAccount | undefined {
  const wanted = email.trim().toLowerCase();
  return Object.values(IDP_ACCOUNTS).find((account) => account.email === wanted);
}

/** Client credentials of one portal at the provider; the secret is a test value, not a secret. */
export type IdpClient = { clientId: string; clientSecret: string; portalUrl: string };

export function callbackUrl(portalUrl: string): string {
  return `${portalUrl}/api/auth/callback/oidc`;
}
