// The reviews API in the OpenAPI document (lib/api/openapi.ts merges these).
import { z } from "zod";

type Content = Record<string, unknown>;
type Helpers = { json: (ref: string) => Content; errors: (...statuses: number[]) => Record<string, unknown>; toSchema: (schema: z.ZodType, io?: "input" | "output") => Record<string, unknown> };

const ZReview = z.object({
  id: z.string(), number: z.number().int(), title: z.string(), service: z.string(), team: z.string(), tags: z.array(z.string()),
  publishedAt: z.string(), readers: z.number().int(), rank: z.number().nullable(), snippet: z.string(), url: z.string(),
});
const ZReviewPage = z.object({ reviews: z.array(ZReview), next: z.string().nullable() });

export function reviewOpenApi({ json, errors, toSchema }: Helpers) {
  const parameters = [
    { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 200 }, description: "Words to search for (web search syntax: quotes, -word, or)." },
    { name: "tag", in: "query", required: false, schema: { type: "string", maxLength: 40 } },
    { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
    { name: "cursor", in: "query", required: false, schema: { type: "string" }, description: "The `next` of the previous page." },
  ];
  return {
    paths: {
      "/api/v1/reviews": {
        get: {
          operationId: "listReviews",
          summary: "Published post-incident reviews: the learning library",
          description: "Newest first, or ranked by relevance with `q`, with a snippet whose matched words are set in **…**; keyset-paged. A signed-in session (API tokens cannot read reviews).",
          parameters,
          responses: { "200": { description: "A page of reviews.", content: json("ReviewPage") }, ...errors(401, 403, 422) },
        },
      },
    },
    schemas: { Review: toSchema(ZReview, "output"), ReviewPage: toSchema(ZReviewPage, "output") },
  };
}
