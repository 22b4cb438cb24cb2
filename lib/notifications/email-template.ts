// A notice as an email: a plain-text part and a small HTML part with the same words and one link.
import { env } from "../env";
import type { Notice } from "./notifier";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function portalUrl(path: string): string {
  const base = (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${base}${path}`;
}

export function renderNoticeEmail(notice: Pick<Notice, "title" | "body" | "href" | "linkLabel">, recipientName: string) {
  const link = portalUrl(notice.href);
  const settings = portalUrl("/notifications/settings");
  const body = notice.body?.trim() ?? "";
  const label = notice.linkLabel ?? "Open in Runwell";
  const text = [`Hello ${recipientName},`, "", notice.title, ...(body ? ["", body] : []), "", `${label}: ${link}`, "", `Choose what Runwell emails you: ${settings}`].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">
<p>Hello ${escapeHtml(recipientName)},</p>
<p><strong>${escapeHtml(notice.title)}</strong></p>
${body ? `<p>${escapeHtml(body).replace(/\n/g, "<br>")}</p>` : ""}
<p><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></p>
<p style="color:#666;font-size:12px"><a href="${escapeHtml(settings)}">Choose what Runwell emails you</a></p>
</body></html>`;
  return { subject: `[Runwell] ${notice.title}`.slice(0, 250), text, html };
}
