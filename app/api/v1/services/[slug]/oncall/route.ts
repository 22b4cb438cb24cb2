import { NextResponse } from "next/server";
import { handleApi } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { authorize } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getOnCallNow } from "@/lib/oncall/get-oncall-now";
import { requireOnCallScope } from "@/lib/oncall/require-scope";

export const GET = handleApi(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const actor = await apiActor();
  authorize(actor, "oncall.read");
  requireOnCallScope(actor);
  const [answer] = await getOnCallNow(db(), { slug: (await params).slug });
  if (!answer) throw notFound("The service");
  const person = (ref: { name: string; email: string } | null) => (ref ? { name: ref.name, email: ref.email } : null);
  return NextResponse.json({
    service: answer.service,
    cover: answer.cover,
    primary: person(answer.primary),
    secondary: person(answer.secondary),
    until: answer.until?.toISOString() ?? null,
    next: answer.next ? { name: answer.next.name, email: answer.next.email, from: answer.next.from.toISOString() } : null,
  });
});
