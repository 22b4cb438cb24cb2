import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-fg-muted">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-fg">You do not have access to this page</h1>
      <p className="mt-3 text-fg-muted">
        Your role or team does not allow this. Services are changed by members of the owning team and by admins; the audit
        trail is for change managers and admins. Ask an admin if you think you should have access.
      </p>
      <Link href="/" className="mt-6 inline-block font-medium text-link underline-offset-2 hover:underline">Back to home</Link>
    </div>
  );
}
