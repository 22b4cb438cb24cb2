/** Shown to whoever installs Runwell before any sign-in method is configured. */
export function SignInUnavailable() {
  const code = "rounded bg-surface-muted px-1 py-0.5 font-mono text-xs";
  return (
    <div className="space-y-3 text-sm">
      <h2 className="font-semibold text-fg">No sign-in method is configured</h2>
      <p className="text-fg-muted">
        To sign in with your organisation&apos;s single sign-on, set <code className={code}>OIDC_ISSUER</code>,{" "}
        <code className={code}>OIDC_CLIENT_ID</code> and <code className={code}>OIDC_CLIENT_SECRET</code> (and
        optionally <code className={code}>OIDC_DISPLAY_NAME</code>), then restart Runwell.
      </p>
      <p className="text-fg-muted">
        To try Runwell with the demo organisation instead, set <code className={code}>RUNWELL_DEMO_SIGN_IN=true</code>.
      </p>
      <p className="text-fg-muted">The README explains both.</p>
    </div>
  );
}
