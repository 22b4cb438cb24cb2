"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

type Result = { ok: boolean; checked: number; firstBrokenEventId: string | null };

/** Runs the server-side chain verification (GET /api/v1/audit/verify) and shows the verdict. */
export function VerifyChainButton() {
  const [state, setState] = useState<{ status: "idle" | "running" | "done" | "failed"; result?: Result }>({ status: "idle" });
  async function verify() {
    setState({ status: "running" });
    try {
      const response = await fetch("/api/v1/audit/verify", { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      setState({ status: "done", result: (await response.json()) as Result });
    } catch {
      setState({ status: "failed" });
    }
  }
  const { result } = state;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={verify} disabled={state.status === "running"}>
        {state.status === "running" ? "Verifying…" : "Verify chain"}
      </Button>
      <p role="status" className="text-sm">
        {state.status === "failed" ? <span className="text-danger-fg">Verification could not run. Try again.</span> : null}
        {result?.ok ? <span className="text-green-700 dark:text-green-400">Chain intact: {result.checked} events verified.</span> : null}
        {result && !result.ok ? (
          <span className="text-danger-fg">
            Chain broken at event {result.firstBrokenEventId} ({result.checked} checked). Someone changed the database
            outside Runwell; keep a copy of it and investigate.
          </span>
        ) : null}
      </p>
    </div>
  );
}
