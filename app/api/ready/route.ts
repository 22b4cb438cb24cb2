// Readiness probe (docs/DEPLOY.md): 200 with what was checked, 503 naming what is wrong.
import { NextResponse } from "next/server";
import { readinessOfThisProcess } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, checks } = await readinessOfThisProcess();
  return NextResponse.json(
    { status: ready ? "ready" : "not ready", checks },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
