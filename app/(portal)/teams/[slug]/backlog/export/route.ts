// The team's backlog as CSV, in priority order (the plain form the import reads back). Signed-in people only.
import { NextResponse } from "next/server";
import { currentPerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { backlogCsv } from "@/lib/backlog/csv-export";
import { backlogForExport } from "@/lib/backlog/queries";
import { db } from "@/lib/db";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const person = await currentPerson();
  if (!person) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  if (!can(person, "backlog.read")) return NextResponse.json({ error: "You do not have permission to do that." }, { status: 403 });
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return NextResponse.json({ error: "No such team." }, { status: 404 });
  const found = await backlogForExport(db(), person, slug);
  if (!found) return NextResponse.json({ error: "No such team." }, { status: 404 });
  const csv = backlogCsv(found.items.map((item) => ({
    key: item.importedKey ?? `BL-${item.number}`, title: item.title, type: item.type, subtype: item.subtype ?? "", status: item.status,
    estimate: item.estimate === null ? "" : String(item.estimate), labels: item.labels.join(";"), owner: item.owner?.name ?? "",
    due: item.dueAt?.toISOString().slice(0, 10) ?? "", description: item.description,
  })));
  return new NextResponse(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${found.team.slug}-backlog.csv"`, "cache-control": "no-store" },
  });
}
