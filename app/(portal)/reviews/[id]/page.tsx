import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryCard } from "@/components/audit/entity-history";
import { ReviewActions } from "@/components/reviews/review-actions";
import { ReviewAnalyses } from "@/components/reviews/review-analyses";
import { ReviewStatusBadge, Tags } from "@/components/reviews/review-bits";
import { ReviewFacts, ReviewImpact } from "@/components/reviews/review-facts";
import { ReviewFactors } from "@/components/reviews/review-factors";
import { ReviewNarrative } from "@/components/reviews/review-narrative";
import { ReviewTimeline } from "@/components/reviews/review-timeline";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { getReview, reviewPeople } from "@/lib/reviews/queries";
import { recordReader } from "@/lib/reviews/record-reader";
import { organisationMoneyUnit } from "@/lib/settings/queries";
import { safeId } from "@/lib/validation/text";
import {
  inviteParticipantAction, publishReviewAction, recordAnalysisAction, removeActionAction, removeFactorAction, removeTimelineEntryAction,
  saveActionAction, saveFactorAction, saveTimelineEntryAction, shareAnalysisAction, startDraftingAction, updateReviewAction,
} from "../actions";

export const metadata: Metadata = { title: "Post-incident review" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "reviews.read");
  const { id } = await params;
  if (!safeId().safeParse(id).success) notFound();
  const now = new Date();
  // Opening a published review counts its reader once (a measurement: not audited).
  await recordReader(db(), id, person, now);
  const [review, history, unit] = await Promise.all([getReview(db(), id, person, now), listEntityHistory(db(), "PostIncidentReview", id, 50), organisationMoneyUnit(db())]);
  if (!review) notFound();
  const context = { teamId: review.teamId, isReviewParticipant: review.viewerIsParticipant };
  const open = review.status !== "PUBLISHED";
  const mayEdit = open && can(person, "reviews.edit", context);
  const drafting = review.status === "DRAFTING" && mayEdit;
  const mayContribute = open && can(person, "reviews.contribute", context);
  const people = mayEdit ? await reviewPeople(db()) : [];
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/reviews">← Reviews</TextLink>}
        title={<span className="flex flex-wrap items-center gap-2">PIR-{review.number}: {review.title} <ReviewStatusBadge status={review.status} /></span>}
        description={<Tags tags={review.tags} />}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {open || review.analyses.length ? (
            <ReviewAnalyses review={review} viewerId={person.id}
              record={mayContribute ? recordAnalysisAction.bind(null, review.id) : null} share={mayContribute ? shareAnalysisAction.bind(null, review.id) : null} />
          ) : null}
          {review.status !== "COLLECTING" ? <ReviewNarrative review={review} people={people} update={drafting ? updateReviewAction.bind(null, review.id) : null} /> : null}
          <ReviewTimeline review={review} save={drafting ? saveTimelineEntryAction.bind(null, review.id) : null} remove={drafting ? removeTimelineEntryAction.bind(null, review.id) : null} />
          {review.status !== "COLLECTING" ? (
            <>
              <ReviewFactors review={review} save={drafting ? saveFactorAction.bind(null, review.id) : null} remove={drafting ? removeFactorAction.bind(null, review.id) : null} />
              <ReviewActions review={review} people={people} save={drafting ? saveActionAction.bind(null, review.id) : null} remove={drafting ? removeActionAction.bind(null, review.id) : null} />
            </>
          ) : null}
          <EntityHistoryCard events={history} />
        </div>
        <div className="space-y-6">
          <ReviewFacts review={review} now={now} people={people}
            invite={mayEdit ? inviteParticipantAction.bind(null, review.id) : null}
            startDrafting={review.status === "COLLECTING" && mayEdit ? startDraftingAction.bind(null, review.id) : null}
            publish={drafting ? publishReviewAction.bind(null, review.id) : null} />
          <ReviewImpact review={review} currency={unit.code} />
        </div>
      </div>
    </>
  );
}
