"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms/initial-form-state";

export function DeleteItemButton({ action, label }: { action: () => Promise<FormState>; label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState("");
  return (
    <span className="flex items-center gap-2">
      {error ? <span role="alert" className="text-sm text-danger-fg">{error}</span> : null}
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Delete ${label} from the backlog?`)) return;
          startTransition(async () => {
            const result = await action();
            if (result?.status === "error") setError(result.message ?? "Not deleted.");
          });
        }}
      >
        Delete
      </Button>
    </span>
  );
}
