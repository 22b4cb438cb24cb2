// Post-incident reviews for the demo's major incidents, made through the review use cases with the
// clock of each step (like demo-incidents.ts): each scheduled automatically when its incident was
// resolved, analyses recorded and shared, the joint review written and published within its due date,
// except the newest (the Identity Service outage nine days ago), still collecting analyses: one
// recorded and not shared, one shared. Reviews of the same service raise the same action again, which
// the library flags as a repeat.
import type { Actor, PersonActor } from "../../lib/auth/actor";
import type { Db } from "../../lib/db";
import { inviteParticipant as inviteNow } from "../../lib/reviews/invite-participant";
import { REVIEW_SCHEDULER } from "../../lib/reviews/on-major-incident";
import { openReview } from "../../lib/reviews/open-review";
import { publishReview as publishNow } from "../../lib/reviews/publish-review";
import { recordAnalysis as recordNow } from "../../lib/reviews/record-analysis";
import { saveAction as saveActionNow } from "../../lib/reviews/save-action";
import { saveFactor as saveFactorNow } from "../../lib/reviews/save-factor";
import { shareAnalysis as shareNow } from "../../lib/reviews/share-analysis";
import { startDrafting as startNow } from "../../lib/reviews/start-drafting";
import { updateReview as updateNow } from "../../lib/reviews/update-review";
import { writtenAt } from "./backdate";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MIN);

const dated = <R,>(useCase: (prisma: Db, actor: Actor, input: unknown, now: Date) => Promise<R>) =>
  (prisma: Db, actor: Actor, input: unknown, now: Date) => writtenAt(now, () => useCase(prisma, actor, input, now));
const noClock = <R,>(useCase: (prisma: Db, actor: Actor, input: unknown) => Promise<R>) =>
  (prisma: Db, actor: Actor, input: unknown, now: Date) => writtenAt(now, () => useCase(prisma, actor, input));
const inviteParticipant = dated(inviteNow);
const recordAnalysis = dated(recordNow);
const shareAnalysis = dated(shareNow);
const startDrafting = noClock(startNow);
const updateReview = dated(updateNow);
const saveFactor = noClock(saveFactorNow);
const saveAction = noClock(saveActionNow);
const publishReview = dated(publishNow);

type Person = PersonActor;

async function demoPeople(prisma: Db): Promise<Person[]> {
  const rows = await prisma.person.findMany({ where: { deactivatedAt: null }, select: { id: true, name: true, email: true, role: true, isIncidentManager: true, memberships: { select: { teamId: true } } } });
  return rows.map((row) => ({ kind: "PERSON", id: row.id, name: row.name, email: row.email, role: row.role, isIncidentManager: row.isIncidentManager, teamIds: row.memberships.map((m) => m.teamId) }));
}

/** The joint review's words, by what went wrong. */
function story(service: string, deploymentCaused: boolean) {
  return deploymentCaused
    ? {
      summary: `A release of ${service} reached production with a change that failed under real traffic. Error rates rose within minutes; the on-call engineer suspected the release from the suspects list, rolled it back and service recovered. The canary stage passed because its traffic did not include the affected path.`,
      wentWell: "The suspect deployment was at the top of the incident page; the rollback took one command and the runbook was current.",
      wasHard: "The canary's traffic mix hid the failure; nobody could tell quickly which customers were affected.",
      learnings: "A canary only protects the paths it exercises. Rollback is our fastest mitigation and should be automatic when the error budget burns fast.",
      factors: [
        { kind: "TECHNICAL", description: "The canary stage received synthetic traffic only, so the failing path was never exercised before full rollout.", tags: "canary, deployment" },
        { kind: "HUMAN", description: "The release checklist did not ask which paths the change touched, so the reviewer could not know the canary missed them.", tags: "release-process" },
      ],
      actions: [
        { title: `Add a canary stage with automatic rollback for ${service}`, factor: 0 },
        { title: "Ask which request paths a change touches in the release checklist", factor: 1 },
      ],
    }
    : {
      summary: `${service} stopped accepting sign-ins when the session store's TLS certificate expired. Every customer was affected for three hours while a renewal waited for approval.`,
      wentWell: "Customers were told within ten minutes; the communications lead kept the status page current.",
      wasHard: "Renewing needed an approval from a team that was not on call.",
      learnings: "Expiry is predictable: it should never page anyone.",
      factors: [
        { kind: "TECHNICAL", description: "Nothing monitored the certificate's expiry date.", tags: "certificates, monitoring" },
        { kind: "HUMAN", description: "The renewal approval sat with one person outside the on-call rota.", tags: "approvals" },
      ],
      actions: [{ title: "Monitor certificate expiry with an alert 30 days ahead", factor: 0 }],
    };
}

export async function seedDemoReviews(prisma: Db): Promise<void> {
  const people = await demoPeople(prisma);
  const byId = new Map(people.map((p) => [p.id, p]));
  // The demo teams' major incidents only: the database may hold others (tests share one). Imported
  // here, not at the top: demo.ts imports this file.
  const { DEMO_TEAMS } = await import("./demo");
  const demoTeams = (await prisma.team.findMany({ where: { slug: { in: DEMO_TEAMS.map((team) => team.slug) } }, select: { id: true } })).map((team) => team.id);
  const majors = await prisma.incident.findMany({
    where: { impact: "HIGH", status: { in: ["RESOLVED", "CLOSED"] }, review: null, teamId: { in: demoTeams } },
    select: { id: true, resolvedAt: true, causeDeploymentId: true, teamId: true, service: { select: { name: true } }, roles: { select: { personId: true, role: true } } },
    orderBy: { triggeredAt: "asc" },
  });
  for (const [index, incident] of majors.entries()) {
    const scheduledAt = at(incident.resolvedAt!, 20);
    const review = await writtenAt(scheduledAt, () => prisma.$transaction((tx) => openReview(tx, REVIEW_SCHEDULER, { incidentId: incident.id, now: scheduledAt })));
    const row = await prisma.postIncidentReview.findUniqueOrThrow({ where: { id: review.id }, select: { facilitatorId: true } });
    const team = people.filter((p) => p.teamIds.includes(incident.teamId) && p.role === "ENGINEER");
    const facilitator = (row.facilitatorId && byId.get(row.facilitatorId)) || team[0]!;
    // The responders of the team take part too.
    for (const engineer of team.slice(0, 2)) await inviteParticipant(prisma, facilitator, { reviewId: review.id, personId: engineer.id }, at(scheduledAt, 5));
    const [first, second] = team;
    const last = index === majors.length - 1;
    if (first) await recordAnalysis(prisma, first, { reviewId: review.id, analysis: `I was first on the incident. From where I sat the alert looked like the usual noise for ${incident.service.name}, so I checked the dashboards before the suspects list; the release was the obvious change once I looked.` }, at(scheduledAt, 24 * 60));
    if (second) {
      await recordAnalysis(prisma, second, { reviewId: review.id, analysis: "I joined to help with the rollback. What slowed us was not knowing which customers were affected: the logs did not say which path failed." }, at(scheduledAt, 26 * 60));
      await shareAnalysis(prisma, second, { reviewId: review.id }, at(scheduledAt, 26 * 60 + 5));
    }
    // The newest review is still collecting: Erin-style, one analysis kept private and one shared.
    if (last) continue;
    if (first) await shareAnalysis(prisma, first, { reviewId: review.id }, at(scheduledAt, 2 * 24 * 60));
    const words = story(incident.service.name, incident.causeDeploymentId !== null);
    const drafting = at(scheduledAt, 3 * 24 * 60);
    await startDrafting(prisma, facilitator, { reviewId: review.id }, drafting);
    await updateReview(prisma, facilitator, { reviewId: review.id, summary: words.summary, wentWell: words.wentWell, wasHard: words.wasHard, learnings: words.learnings, tags: "incident-review" }, at(drafting, 60));
    const factorIds: string[] = [];
    for (const factor of words.factors) factorIds.push((await saveFactor(prisma, facilitator, { reviewId: review.id, ...factor }, at(drafting, 70))).id);
    for (const action of words.actions) {
      await saveAction(prisma, facilitator, {
        reviewId: review.id, title: action.title, ownerId: (first ?? facilitator).id, factorId: factorIds[action.factor],
        dueAt: new Date(drafting.getTime() + 21 * DAY).toISOString().slice(0, 10),
      }, at(drafting, 80));
    }
    await publishReview(prisma, facilitator, { reviewId: review.id }, at(drafting, 4 * 24 * 60));
  }
}
