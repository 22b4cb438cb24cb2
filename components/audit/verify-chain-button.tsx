"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type Result = { ok: boolean; checked: number; firstBrokenEventId: string | null };
type Mode = "incremental" | "full";

/**
 * Runs the server-side chain verification (GET /api/v1/audit/verify): "Verify new events" continues from
 * the last intact check, "Verify chain" re-walks the whole chain. The server records the verdict; the page reloads it.
 */
export function VerifyChainButton() {
  const router = useRouter();
  const [state, setState] = useState<{ status: "idle" | "running" | "done" | "failed"; mode?: Mode; result?: Result }>({ status: "idle" });
  async function verify(mode: Mode) {
    setState({ status: "running", mode });
    try {
      const response = await fetch(`/api/v1/audit/verify?mode=${mode}`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      setState({ status: "done", mode, result: (await response.json()) as Result });
      router.refresh();
    } catch {
      setState({ status: "failed" });
    }
  }
  const { result } = state;
  const running = state.status === "running";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => verify("incremental")} disabled={running}>
        {running && state.mode === "incremental" ? "Verifying…" : "Verify new events"}
      </Button>
      <Button variant="ghost" onClick={() => verify("full")} disabled={running}>
        {running && state.mode === "full" ? "Verifying…" : "Verify chain"}
      </Button>
      <p role="status" className="text-sm">
        {state.status === "failed" ? <span className="text-danger-fg">Verification could not run. Try again.</span> : null}
        {result?.ok ? <span className="text-green-700 dark:text-green-400">Chain intact: {result.checked} events verified.</span> : null}
        {result && !result.ok ? (
          <span className="text-danger-fg">
            Chain broken at event {result.firstBrokenEventId} ({result.checked} checked).
          </span>
        ) : null}
      </p>
    </div>
  );
}
