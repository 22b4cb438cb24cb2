// The reviews API's answers: published reviews only, sessions only, bad input as field errors.
import { describe, expect, it } from "vitest";
import { personActor, testDb, tokenActor } from "../../../test/helpers";
import { AppError } from "../../errors";
import { listReviewsForApi } from "./list-reviews-for-api";

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as AppError);

describe("listReviewsForApi", () => {
  it("answers a session with a page of published reviews", async () => {
    const page = await listReviewsForApi(testDb(), personActor(), { limit: "5" }, "https://runwell.example");
    expect(Array.isArray(page.reviews)).toBe(true);
    expect(page.reviews.length).toBeLessThanOrEqual(5);
    for (const review of page.reviews) expect(review.url).toMatch(/^https:\/\/runwell\.example\/reviews\//);
  });
  it("refuses tokens, names bad fields, refuses foreign cursors", async () => {
    expect((await failure(listReviewsForApi(testDb(), tokenActor({ scopes: ["catalog:read"] }), {})))?.code).toBe("FORBIDDEN");
    expect((await failure(listReviewsForApi(testDb(), personActor(), { limit: "1000" })))?.fieldErrors.limit).toBeTruthy();
    expect((await failure(listReviewsForApi(testDb(), personActor(), { cursor: "nonsense" })))?.fieldErrors.cursor).toBeTruthy();
    expect((await failure(listReviewsForApi(testDb(), personActor(), { q: "a\u0000b" })))?.fieldErrors.q).toBeTruthy();
  });
});
