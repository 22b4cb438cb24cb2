// iCal feeds at secret URLs: calendar clients fetch them without a session, so the token is the key.
import { db } from "@/lib/db";
import { feedCalendar } from "@/lib/oncall/views";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file);
  const body = match ? await feedCalendar(db(), match[1]!) : null;
  if (!body) return new Response("This calendar link is unknown or was revoked.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="oncall.ics"',
      "cache-control": "private, max-age=300",
    },
  });
}
