// The demo's backlogs, written through the backlog use cases with dated history: each team's mix of
// product features and operational work (library upgrades, security patches, toil, tech debt), some
// of it done over the past weeks so the done-share chart has a history, and a target share struck by
// each team's product manager. Accounts is the team under its operational target while Identity
// Service has spent its error budget (demo-incidents.ts), so its backlog shows the reliability signal.
import type { Db } from "../../lib/db";
import { createBacklogItem } from "../../lib/backlog/create-backlog-item";
import { moveBacklogItem } from "../../lib/backlog/move-backlog-item";
import { setTargetShare } from "../../lib/backlog/set-target-share";
import { writtenAt } from "./backdate";
import { demoPeople } from "./demo-actors";

const DAY = 86_400_000;

type Demo = {
  title: string;
  type: "PRODUCT" | "OPERATIONAL";
  subtype?: string;
  estimate?: number;
  /** Done this many days ago (started two days earlier); "doing" is in progress; otherwise to do. */
  done?: number;
  doing?: boolean;
  service?: string;
  labels?: string;
};

const P = (title: string, estimate?: number, extra: Partial<Demo> = {}): Demo => ({ title, type: "PRODUCT", estimate, ...extra });
const O = (subtype: string, title: string, estimate?: number, extra: Partial<Demo> = {}): Demo => ({ title, type: "OPERATIONAL", subtype, estimate, ...extra });

/** Per team: who adds the items (a member), its product manager (or none), the target, the items in priority order. */
const BACKLOGS: Record<string, { by: string; pm: string | null; target: number | null; items: Demo[] }> = {
  checkout: {
    by: "amara.okafor@runwell.local", pm: "pm@runwell.local", target: 25,
    items: [
      P("Pay by bank transfer (open banking)", 13, { service: "checkout-api", doing: true }),
      O("RELIABILITY", "Add retries with jitter to the payment client", 3, { service: "checkout-api" }),
      P("Save baskets across devices", 8, { service: "basket-service" }),
      O("LIBRARY_UPGRADE", "Upgrade the Stripe SDK to v14", 2, { service: "checkout-api", labels: "dependencies" }),
      P("Gift cards at checkout", 8),
      O("TOIL", "Automate the weekly refund report", 3, { labels: "toil" }),
      P("Promotion stacking rules", 5, { service: "promo-engine" }),
      O("TECH_DEBT", "Split the basket pricing module", 5, { service: "basket-service" }),
      P("Address lookup by postcode", 3),
      P("Express checkout for returning customers", 8, { done: 3 }),
      O("SECURITY_PATCH", "Patch the JSON parser (CVE-2026-1234)", 1, { done: 5, service: "checkout-api" }),
      P("Show delivery dates in the basket", 5, { done: 12 }),
      O("OPERABILITY", "Dashboard for payment declines by card scheme", 2, { done: 16, service: "checkout-api" }),
      P("Apple Pay on the web", 8, { done: 26 }),
      O("LIBRARY_UPGRADE", "Move to Node 22", 3, { done: 33 }),
      P("Basket reminders by email", 5, { done: 40 }),
      O("TOIL", "Self-service voucher resets for support", 2, { done: 47 }),
      P("Multi-currency prices", 13, { done: 61 }),
    ],
  },
  ledger: {
    by: "hannah.becker@runwell.local", pm: "sofia.rossi@runwell.local", target: 20,
    items: [
      O("TECH_DEBT", "Retire the legacy invoicing cron jobs", 8, { doing: true }),
      P("VAT reports per country", 8, { service: "ledger-core" }),
      O("RELIABILITY", "Idempotent posting of journal entries", 5, { service: "ledger-core" }),
      P("Export to the accounting package", 5),
      O("LIBRARY_UPGRADE", "Upgrade PostgreSQL driver", 2, { service: "reconciliation" }),
      O("TOIL", "Stop hand-fixing unmatched bank lines", 3, { service: "reconciliation" }),
      P("Credit notes", 5),
      P("Month-end close checklist", 3, { done: 4 }),
      O("SECURITY_PATCH", "Rotate the bank API client certificates", 2, { done: 9 }),
      P("Multi-entity books", 13, { done: 20 }),
      O("OPERABILITY", "Alert on reconciliation lag", 2, { done: 30, service: "reconciliation" }),
      P("Invoice PDF redesign", 5, { done: 44 }),
    ],
  },
  accounts: {
    by: "chloe.dubois@runwell.local", pm: "daniel.kim@runwell.local", target: 30,
    items: [
      P("Passkeys for sign-in", 13, { service: "identity", doing: true }),
      P("Social sign-in with Apple", 8, { service: "identity" }),
      P("Profile photos", 5, { service: "profile-api" }),
      O("RELIABILITY", "Alert 30 days before the session store's certificate expires", 2, { service: "identity" }),
      P("Marketing preferences centre", 8, { service: "preferences" }),
      O("INCIDENT_ACTION", "Second session-store node in another zone", 5, { service: "identity" }),
      P("Account deletion self-service", 5),
      O("LIBRARY_UPGRADE", "Upgrade the OAuth library", 3, { service: "identity" }),
      P("Remember this device", 3),
      P("Email change with confirmation", 5, { done: 2 }),
      P("Nicknames in profiles", 2, { done: 8 }),
      O("SECURITY_PATCH", "Patch the JWT library", 1, { done: 15, service: "identity" }),
      P("Two-step verification by app", 8, { done: 22 }),
      P("Locale in profile", 3, { done: 36 }),
      O("TOIL", "Automate locked-account unlocks", 2, { done: 50 }),
    ],
  },
  notifications: {
    by: "ruth.adeyemi@runwell.local", pm: null, target: null,
    items: [
      O("LIBRARY_UPGRADE", "Upgrade the push provider SDK", 3, { service: "push-legacy" }),
      P("Quiet hours for SMS", 5, { service: "sms-gateway" }),
      O("TOIL", "Stop re-sending bounced emails by hand", 2, { service: "email-dispatcher" }),
      P("Email templates in the portal", 8),
      P("Delivery receipts for SMS", 3, { done: 6, service: "sms-gateway" }),
      O("TECH_DEBT", "Remove the old template engine", 5, { done: 18 }),
      P("Unsubscribe links in every email", 2, { done: 29 }),
    ],
  },
};

export async function seedDemoBacklogs(prisma: Db, now = new Date()): Promise<void> {
  const people = await demoPeople(prisma);
  const services = new Map((await prisma.service.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id]));
  for (const [teamSlug, backlog] of Object.entries(BACKLOGS)) {
    const by = people(backlog.by);
    for (const [index, demo] of backlog.items.entries()) {
      // Open items were added over the last weeks; done ones before they were started.
      const addedAt = new Date(now.getTime() - ((demo.done ?? 0) + 5 + (index % 7) * 3) * DAY);
      const input = {
        teamSlug, title: demo.title, type: demo.type, subtype: demo.subtype, estimate: demo.estimate, labels: demo.labels,
        serviceId: demo.service ? services.get(demo.service) : undefined,
      };
      const item = await writtenAt(addedAt, () => createBacklogItem(prisma, by, input, addedAt));
      if (demo.doing || demo.done !== undefined) {
        const startedAt = new Date(now.getTime() - ((demo.done ?? 0) + 2) * DAY);
        await writtenAt(startedAt, () => moveBacklogItem(prisma, by, { itemId: item.id, status: "DOING" }, startedAt));
      }
      if (demo.done !== undefined) {
        const doneAt = new Date(now.getTime() - demo.done * DAY);
        await writtenAt(doneAt, () => moveBacklogItem(prisma, by, { itemId: item.id, status: "DONE" }, doneAt));
      }
    }
    if (backlog.pm && backlog.target !== null) {
      const at = new Date(now.getTime() - 70 * DAY);
      await writtenAt(at, () => setTargetShare(prisma, people(backlog.pm!), { teamSlug, target: backlog.target }));
    }
  }
}
