// Liveness probe (docs/DEPLOY.md): the process serves requests. It asks nothing of the database, so a
// database outage takes instances out of rotation (/api/ready) instead of getting them restarted.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
