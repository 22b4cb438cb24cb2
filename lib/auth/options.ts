// next-auth configuration: OIDC for real installations, password sign-in for the demo organisation.
// Sessions are JWTs that carry only the person's id; name, email and role are re-read on every request,
// so a role change or deactivation takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { TokenSet } from "openid-client"; // next-auth's OAuth layer; types only
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { admitSsoPerson, findActivePersonByEmail } from "./people-for-auth";
import { verifyPassword } from "./password";
import { readSessionPerson } from "./person-lookup";
import { countedPasswordCheck } from "./sign-in-limit";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

function providers(): NextAuthOptions["providers"] {
  const config = env();
  const list: NextAuthOptions["providers"] = [];
  if (config.oidcConfigured) {
    list.push({
      id: "oidc",
      name: config.OIDC_DISPLAY_NAME,
      type: "oauth",
      wellKnown: `${config.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      // In the code flow a provider may keep email and name out of the ID token and serve them from
      // its UserInfo endpoint only (OpenID Connect Core 5.4; oidc-provider does by default). Ask it
      // then, or every sign-in would fail with NoEmail. openid-client checks the two `sub`s agree.
      userinfo: {
        async request({ tokens, client }) {
          const tokenSet = tokens as TokenSet; // next-auth hands over openid-client's validated TokenSet
          const claims = tokenSet.claims();
          return claims.email ? claims : { ...(await client.userinfo(tokenSet)), ...claims };
        },
      },
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string; preferred_username?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? null };
      },
    });
  }
  if (config.demoSignIn) {
    list.push(
      CredentialsProvider({
        id: "credentials",
        name: "Demo password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          let signedIn: { id: string; email: string; name: string } | null = null;
          // Counted per account and client address, unknown emails too; throws TooManyAttempts when locked.
          await countedPasswordCheck(email, new Headers(request.headers as Record<string, string>), async () => {
            const person = await db().person.findUnique({
              where: { email: email.toLowerCase() },
              select: { id: true, email: true, name: true, passwordHash: true, deactivatedAt: true },
            });
            if (!person || person.deactivatedAt || !verifyPassword(password, person.passwordHash)) return false;
            signedIn = { id: person.id, email: person.email, name: person.name };
            return true;
          });
          return signedIn;
        },
      }),
    );
  }
  return list;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // Said explicitly (next-auth's default follows NEXTAUTH_URL too): Secure, __Secure- cookies over https.
    useSecureCookies: env().NEXTAUTH_URL?.startsWith("https://") ?? false,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return "/sign-in?error=NoEmail";
        // A provider that lets people type any email says so with email_verified: false; such an email
        // could be someone else's, and the email is what we match people by.
        if ((profile as { email_verified?: unknown } | undefined)?.email_verified === false) return "/sign-in?error=EmailNotVerified";
        const decision = await admitSsoPerson(user.email, user.name, env().OIDC_AUTO_PROVISION ?? false);
        return "admitted" in decision ? true : `/sign-in?error=${decision.refused}`;
      },
      async jwt({ token, user }) {
        if (user?.email) {
          const person = await findActivePersonByEmail(user.email);
          if (person) token.personId = person.id;
        }
        return token;
      },
      async session({ session, token }) {
        const personId = typeof token.personId === "string" ? token.personId : null;
        const person = personId ? await readSessionPerson(personId) : null;
        if (!person || person.deactivated) return { ...session, user: undefined, expires: new Date(0).toISOString() };
        return { ...session, user: { id: person.id, name: person.name, email: person.email, role: person.role } };
      },
    },
  };
}
