// Email through SMTP (nodemailer). Off unless SMTP_URL is set. The notifier queues one email.send job
// per EmailDelivery row; this sends it and records the outcome. A failure throws so pg-boss retries
// with backoff; an email already delivered is never sent again (a job that ran twice).
import nodemailer from "nodemailer";
import type { Db } from "../db";
import { env } from "../env";
import { metrics } from "../observability/metrics";

export function emailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

const holder = globalThis as unknown as { runwellMailer?: nodemailer.Transporter };

function mailer(): nodemailer.Transporter {
  holder.runwellMailer ??= nodemailer.createTransport(env().SMTP_URL as string);
  return holder.runwellMailer;
}

export async function sendEmailDelivery(db: Db, deliveryId: string, now: Date): Promise<void> {
  const delivery = await db.emailDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery || delivery.status === "DELIVERED" || !emailEnabled()) return;
  try {
    await mailer().sendMail({ from: env().SMTP_FROM, to: delivery.toAddress, subject: delivery.subject, text: delivery.text, html: delivery.html, headers: { "X-Runwell-Event": delivery.eventId } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.emailDelivery.update({ where: { id: deliveryId }, data: { attempts: { increment: 1 }, lastError: message.slice(0, 500) } });
    throw error;
  }
  await db.emailDelivery.update({ where: { id: deliveryId }, data: { status: "DELIVERED", deliveredAt: now, attempts: { increment: 1 }, lastError: null } });
  metrics().deliveryLatency.observe({ channel: "email" }, Math.max(0, now.getTime() - delivery.createdAt.getTime()) / 1000);
}
