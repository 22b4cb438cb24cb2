// What a sign-in error in the URL means to the person who sees it. Keys are next-auth's error codes
// plus the ones our signIn callback sends (NotRegistered, Deactivated, NoEmail, EmailNotVerified).
const MESSAGES: Record<string, string> = {
  NotRegistered: "Your account is not registered in Runwell; ask an admin to add you with `npm run -s cli -- person add`.",
  Deactivated: "Your Runwell account is deactivated, so single sign-on cannot let you in; ask an admin to reactivate it.",
  NoEmail:
    "Your identity provider did not share an email address, so Runwell cannot tell who you are. Ask whoever runs single sign-on to release the email claim to Runwell.",
  EmailNotVerified: "Your identity provider has not verified your email address, so Runwell cannot be sure it is yours. Verify it with your provider, then sign in again.",
  CredentialsSignin: "Invalid email or password.",
  SessionRequired: "Sign in to see that page.",
  AccessDenied: "You are not allowed to sign in to Runwell.",
  TooManyAttempts: "Too many attempts, try again in a few minutes.",
};

const FALLBACK = "Sign-in did not complete. Try again; if it keeps failing, ask an admin to check the sign-in settings.";

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? FALLBACK;
}

/**
 * Where to go after signing in: only a path on this site, so a crafted link cannot send someone elsewhere,
 * and never back to the sign-in page itself.
 */
export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  if (!raw) return "/";
  try {
    const url = new URL(raw, origin);
    if (url.origin !== origin || url.pathname.startsWith("/sign-in")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
