// The backlog API in the OpenAPI document (lib/api/openapi.ts merges these).
import { z } from "zod";
import { SUBTYPES } from "../schemas";

type Content = Record<string, unknown>;
type Helpers = {
  json: (ref: string) => Content;
  errors: (...statuses: number[]) => Record<string, unknown>;
  toSchema: (schema: z.ZodType, io?: "input" | "output") => Record<string, unknown>;
};

const share = z.number().min(0).max(100).nullable();
const ZTeamBacklog = z.object({
  team: z.object({ slug: z.string(), name: z.string() }),
  targetOperationalShare: z.number().int().min(0).max(100).nullable(),
  plannedOperationalShare: share,
  doneOperationalShare: share,
  signal: z.object({ reason: z.string(), services: z.array(z.object({ slug: z.string(), name: z.string(), reasons: z.array(z.enum(["FAST_BURN", "SLOW_BURN", "BUDGET_SPENT", "OFF_TARGET"])) })) }).nullable(),
  items: z.array(z.object({
    id: z.string(), key: z.string(), title: z.string(), type: z.enum(["PRODUCT", "OPERATIONAL"]), subtype: z.enum(SUBTYPES).nullable(),
    status: z.enum(["TODO", "DOING", "DONE"]), estimate: z.number().int().nullable(), rank: z.number().int().min(1),
  })),
});

export function backlogOpenApi({ json, errors, toSchema }: Helpers) {
  return {
    paths: {
      "/api/v1/teams/{slug}/backlog": {
        get: {
          operationId: "getTeamBacklog",
          summary: "A team's backlog: the balance against its target and every item in priority order",
          description:
            "Shares are percentages by estimate (unestimated items count as 0; null when nothing is estimated). `plannedOperationalShare`: open items (to do and doing). " +
            "`doneOperationalShare`: items done in the last 4 ISO weeks (Monday 00:00 UTC), this week included. `rank`: the position, 1 first. " +
            "`signal` is set when one of the team's services is off its availability target, has spent its 28-day budget or burns it fast. " +
            "A service token (scope `backlog:read`) reads its own service's owning team; `catalog:read` or an organisation token reads any team.",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" }, description: "The team's slug." }],
          responses: { "200": { description: "The backlog.", content: json("TeamBacklog") }, ...errors(401, 403, 404, 422) },
        },
      },
    },
    schemas: { TeamBacklog: toSchema(ZTeamBacklog, "output") },
  };
}
