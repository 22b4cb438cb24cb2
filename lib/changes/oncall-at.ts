// "Is someone on call for this service at time T?", for the on-call rule and the risk score.
// Computing cover walks the service's schedules, so answers are kept for a minute per service and
// minute of the planned time: a pipeline burst asks the same question many times.
import type { DbTx } from "../db";
import { getOnCallNow } from "../oncall/get-oncall-now";

export type OnCallAt = { covered: boolean; reason: string; inHours: boolean };

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { at: number; answer: Promise<OnCallAt> }>();

export function onCallAt(tx: DbTx, serviceSlug: string, at: Date, now = Date.now()): Promise<OnCallAt> {
  const key = `${serviceSlug}|${Math.floor(at.getTime() / 60_000)}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.answer;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const answer = compute(tx, serviceSlug, at);
  cache.set(key, { at: now, answer });
  answer.catch(() => cache.delete(key));
  return answer;
}

/** Tests change schedules between questions. */
export function forgetOnCallAnswers(): void {
  cache.clear();
}

async function compute(tx: DbTx, serviceSlug: string, at: Date): Promise<OnCallAt> {
  const [answer] = await getOnCallNow(tx, { slug: serviceSlug }, at);
  if (!answer) return { covered: false, reason: "The service was not found.", inHours: false };
  const inHours = answer.cover === "in_hours_team";
  if (answer.cover === "none") return { covered: false, reason: `Nobody is on call at the planned time: ${answer.reason}`, inHours };
  const who = answer.primary ? `${answer.primary.name} is on call` : "The owning team supports the service";
  return { covered: true, reason: `${who} at the planned time (${answer.cover.replaceAll("_", " ")}).`, inHours };
}
