// Input schemas of the hypothesis use cases (the portal's forms, the demo seed and the deployment report).
import { z } from "zod";
import { safeDay } from "../validation/instant";
import { safeId, safeText } from "../validation/text";

export const RESULT_VALUES = ["VALIDATED", "INVALIDATED", "INCONCLUSIVE"] as const;

/** HYP-12 (any case, optional dash) or a hypothesis id: what a pipeline may put in `hypothesis`. */
export const HYPOTHESIS_NUMBER = /^HYP-?(\d{1,9})$/i;

const part = (what: string, example: string, max = 300) =>
  safeText({ message: `Say ${what}, e.g. "${example}".` }).trim().min(3, `Say ${what} (at least 3 characters), e.g. "${example}".`).max(max, `At most ${max} characters.`);

/** Empty form fields arrive as "": treat them as not given. */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** "We believe <capability> will result in <outcome>. We will know when <metric> moves by <amount> by <date>." */
export const ZCreateHypothesis = z.object({
  service: safeId("Name the service by its slug."),
  capability: part("the capability you believe in", "one-click reorder"),
  outcome: part("the outcome it will result in", "more repeat orders"),
  metric: part("the metric that will show it", "weekly repeat-order rate", 200),
  amount: part("how far the metric must move", "+5 percentage points", 100).refine((value) => /\d/.test(value), { message: "Say how far the metric must move as a number, e.g. \"+5 percentage points\" or \"-200 ms\"." }),
  measureBy: safeDay("Give the date the metric must have moved by, as YYYY-MM-DD."),
  /** The product manager who owns it; defaults to the product manager writing it. */
  ownerId: z.preprocess(blankToUndefined, safeId("Pick the owner.").optional()),
});
export type TCreateHypothesis = z.input<typeof ZCreateHypothesis>;

export const ZHypothesisId = safeId("This form refers to a hypothesis it cannot name; reload the page.");

export const ZLinkDeployment = z.object({
  hypothesisId: ZHypothesisId,
  deploymentId: safeId("Pick a production deployment of the service."),
});
export type TLinkDeployment = z.input<typeof ZLinkDeployment>;

export const ZRecordResult = z.object({
  hypothesisId: ZHypothesisId,
  result: z.enum(RESULT_VALUES, { message: "Choose validated, invalidated or inconclusive." }),
  evidence: safeText({ message: "Give the evidence for the result." }).trim().min(10, "Give the evidence for the result (at least 10 characters): the metric's value and where it was read.").max(5000, "At most 5,000 characters."),
});
export type TRecordResult = z.input<typeof ZRecordResult>;

/** The `hypothesis` field of a deployment report: "HYP-12" or a hypothesis id. */
export const ZHypothesisRef = safeText({ message: "Name the hypothesis as HYP-<number> or by its id." })
  .trim()
  .min(1, "Name the hypothesis as HYP-<number> or by its id.")
  .max(100, "At most 100 characters.");
