// Next.js calls register() once per server process. The audit sealer normally runs right after each
// commit; this timer seals anything a crashed or busy request left behind.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { db } = await import("./lib/db");
  const { requestSeal } = await import("./lib/audit/seal-audit-events");
  const timer = setInterval(() => void requestSeal(db()), 2000);
  timer.unref();
}
