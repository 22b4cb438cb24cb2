import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-fg-muted">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-fg">Not found</h1>
      <p className="mt-3 text-fg-muted">It may have been renamed, or the link is wrong.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-link underline-offset-2 hover:underline">Back to home</Link>
    </div>
  );
}
