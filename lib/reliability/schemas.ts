import { z } from "zod";
import { DateTime } from "luxon";
import { safeText } from "../validation/text";
import { REPORTING_TIME_ZONE } from "./report";

/** `?days=` of GET /api/v1/services/{slug}/availability: whole days, 1 to 90, 28 when left out. */
export const ZAvailabilityQuery = z.object({
  days: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === "" ? 28 : Number(value)))
    .pipe(z.number({ message: "Give days as a whole number from 1 to 90." }).int("Give days as a whole number from 1 to 90.").min(1, "Give days as a whole number from 1 to 90.").max(90, "Give days as a whole number from 1 to 90.")),
});

/** A product manager's exception to the error-budget policy: until when (at most 14 days ahead) and why. */
export const EXCEPTION_MAX_DAYS = 14;
export const ZBudgetExceptionInput = z.object({
  service: safeText().trim().min(1, "Choose a service.").max(200),
  reason: safeText().trim().min(10, "Say why the service may deploy standard changes while its budget is spent (at least 10 characters).").max(2_000, "Keep the reason under 2,000 characters."),
  // A form's datetime-local has no zone: it is London time, as the service page shows times.
  endsAt: safeText()
    .trim()
    .min(1, "Give the exception an end.")
    .transform((value) => DateTime.fromISO(value, { zone: REPORTING_TIME_ZONE }))
    .refine((value) => value.isValid, "Give the end as a date and time.")
    .transform((value) => value.toJSDate()),
});
export type TBudgetExceptionInput = z.input<typeof ZBudgetExceptionInput>;

/** The error-budget policy switch on /settings. */
export const ZBudgetPolicyInput = z.object({
  errorBudgetPolicy: z.union([z.boolean(), z.enum(["on", "off"])], { message: "Choose on or off." }).transform((value) => value === true || value === "on"),
});
