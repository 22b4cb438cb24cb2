// /incidents/ack/<token>: the one-click acknowledge link of a page, without a session. GET shows what
// it is for (and never acknowledges: mail scanners and link previews fetch it); POST acknowledges.
import { ackPageHtml } from "@/components/paging/ack-page-html";
import { db } from "@/lib/db";
import { acknowledgeFromLink, inspectAckLink, type AckLinkView } from "@/lib/incidents/paging/acknowledge-from-link";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

function answer(view: AckLinkView, token: string): Response {
  return new Response(ackPageHtml(view, `/incidents/ack/${encodeURIComponent(token)}`), {
    status: view.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { token } = await params;
  return answer(await inspectAckLink(db(), token), token);
}

export async function POST(_request: Request, { params }: Params): Promise<Response> {
  const { token } = await params;
  return answer(await acknowledgeFromLink(db(), token), token);
}
