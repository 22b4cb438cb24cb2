import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { db } from "@/lib/db";
import { listReviewsForApi } from "@/lib/reviews/api/list-reviews-for-api";

/** GET /api/v1/reviews?q=&tag=&limit=&cursor=: published reviews, ranked when searching (docs/API.md). */
export const GET = apiRoute("reviews.read", async (actor, request) => {
  const url = new URL(request.url);
  return NextResponse.json(await listReviewsForApi(db(), actor, Object.fromEntries(url.searchParams), url.origin));
});
