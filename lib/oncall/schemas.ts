import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { INSTANT_RANGE_MESSAGE, isSaneInstant } from "../validation/instant";
import { boundedInt } from "../validation/numbers";
import { safeId, safeText } from "../validation/text";

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 570. */
export function minuteOfDay(value: string): number {
  const [hours, minutes] = value.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** 570 → "09:30". */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/**
 * A form's "2026-11-26T18:00" is a wall-clock time in the schedule's zone; an ISO string with an
 * offset (from the API or a test) is an instant. Null when it is not a date.
 */
export function parseInstant(value: string, zone: string): Date | null {
  const parsed = DateTime.fromISO(value.trim(), { zone });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** GET /api/v1/services/{slug}/oncall: a slug a service can have (a NUL in it would reach PostgreSQL as a 500). */
export const ZServiceSlugParam = safeText().min(1).max(200);

const time = (label: string) => safeText().trim().regex(HH_MM, `Enter ${label} as HH:MM, e.g. 09:00.`);

/** Unparseable text is left to the caller's own message; a real date must lie in the accepted range. */
const inSaneRange = (value: string) => {
  const parsed = DateTime.fromISO(value);
  return !parsed.isValid || isSaneInstant(parsed.toJSDate());
};

const instant = (label: string) =>
  safeText()
    .trim()
    .min(1, `Enter ${label}.`)
    .max(100, `Enter ${label} as a date and time.`)
    .refine((value) => DateTime.fromISO(value).isValid, { message: `Enter ${label} as a date and time.`, abort: true })
    .refine(inSaneRange, INSTANT_RANGE_MESSAGE);

/** "From when" of a change of rota or settings; empty means now. */
const effectiveFrom = safeText()
  .trim()
  .max(100, "Enter the date as a date and time.")
  .refine((value) => value === "" || DateTime.fromISO(value).isValid, { message: "Enter a date and time.", abort: true })
  .refine((value) => value === "" || inSaneRange(value), INSTANT_RANGE_MESSAGE)
  .default("");

const personId = safeText().trim().max(100, "Choose people from the list.");
const weekday = (message: string) => boundedInt({ min: 1, max: 7 }, { type: message, min: message, max: message });

const participantIds = z
  .array(personId, { message: "Choose the people on the rota." })
  .transform((ids) => ids.filter(Boolean))
  .refine((ids) => new Set(ids).size === ids.length, "A person can be in the rotation once.")
  .refine((ids) => ids.length >= 3, "A rota needs at least three people, so nobody is on call too often.");

export const ZRotationInput = z
  .object({
    rotationDays: boundedInt({ min: 1, max: 28 }, { type: "Enter the rotation length in days.", min: "At least one day.", max: "At most 28 days." }),
    handoffWeekday: weekday("Choose the handoff day."),
    handoffTime: time("the handoff time"),
    participantIds,
    /** The secondary layer's own rotation, in order; empty: the next primary person backs up. */
    secondaryIds: z
      .array(personId)
      .default([])
      .transform((ids) => ids.filter(Boolean))
      .refine((ids) => new Set(ids).size === ids.length, "A person can be in the secondary rotation once."),
    /** Empty: from now. */
    effectiveFrom,
  });
export type TRotationInput = z.input<typeof ZRotationInput>;

export const ZScheduleInput = z
  .object({
    name: safeText().trim().min(2, "Enter a name of at least 2 characters.").max(100, "Keep the name under 100 characters."),
    slug: safeText()
      .trim()
      .min(2, "The slug needs at least 2 characters.")
      .max(60, "Keep the slug under 60 characters.")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. checkout-out-of-hours.")
      // These are pages under /oncall: a schedule with such a slug could never be opened.
      .refine((slug) => !["new", "me", "report", "holidays"].includes(slug), "That slug is taken by a page; choose another."),
    kind: z.enum(["TEAM", "DOMAIN"], { message: "Choose a team or a domain schedule." }),
    /** The team (TEAM) or domain (DOMAIN) the schedule belongs to. */
    ownerId: safeId("Choose who the schedule belongs to."),
    timeZone: safeText().trim().max(100, "Choose a time zone such as Europe/London.").refine((zone) => IANAZone.isValidZone(zone), "Choose a time zone such as Europe/London."),
    workdayStart: time("the start of working hours"),
    workdayEnd: time("the end of working hours"),
    workingDays: z.array(weekday("Choose working days from Monday to Sunday.")).max(7, "A week has seven days.").min(1, "Choose at least one working day."),
    holidayCalendarId: safeText().trim().max(100, "Choose a holiday calendar from the list.").transform((value) => value || null).nullable().default(null),
    hasSecondary: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).default(false),
  })
  .and(ZRotationInput)
  .refine((data) => minuteOfDay(data.workdayEnd) > minuteOfDay(data.workdayStart), {
    path: ["workdayEnd"],
    message: "Working hours must end after they start.",
  });
export type TScheduleInput = z.input<typeof ZScheduleInput>;

const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).default(false);

/** A schedule's settings after creation. Rotation length, handoff, zone and the secondary layer take effect from a date. */
export const ZScheduleSettingsInput = z
  .object({
    name: safeText().trim().min(2, "Enter a name of at least 2 characters.").max(100, "Keep the name under 100 characters."),
    timeZone: safeText().trim().max(100, "Choose a time zone such as Europe/London.").refine((zone) => IANAZone.isValidZone(zone), "Choose a time zone such as Europe/London."),
    workdayStart: time("the start of working hours"),
    workdayEnd: time("the end of working hours"),
    workingDays: z.array(weekday("Choose working days from Monday to Sunday.")).max(7, "A week has seven days.").min(1, "Choose at least one working day."),
    holidayCalendarId: safeText().trim().max(100, "Choose a holiday calendar from the list.").transform((value) => value || null).nullable().default(null),
    hasSecondary: checkbox,
    rotationDays: boundedInt({ min: 1, max: 28 }, { type: "Enter the rotation length in days.", min: "At least one day.", max: "At most 28 days." }),
    handoffWeekday: weekday("Choose the handoff day."),
    handoffTime: time("the handoff time"),
    /** Empty: from now. A wall-clock time in the (new) zone. */
    effectiveFrom,
  })
  .refine((data) => minuteOfDay(data.workdayEnd) > minuteOfDay(data.workdayStart), {
    path: ["workdayEnd"],
    message: "Working hours must end after they start.",
  });
export type TScheduleSettingsInput = z.input<typeof ZScheduleSettingsInput>;

export const ZArchiveScheduleInput = z.object({
  /** Archive even though services rely on the schedule for out-of-hours cover. */
  confirmUncovered: checkbox,
});
export type TArchiveScheduleInput = z.input<typeof ZArchiveScheduleInput>;

const range = {
  startsAt: instant("the start"),
  endsAt: instant("the end"),
};
const endAfterStart = <T extends { startsAt: string; endsAt: string }>(data: T) =>
  DateTime.fromISO(data.endsAt).toMillis() > DateTime.fromISO(data.startsAt).toMillis();
const END_MESSAGE = { path: ["endsAt"], message: "The end must be after the start." };

export const ZCoverRequestInput = z
  .object({
    scheduleId: safeId("Choose a schedule."),
    responderId: safeId("Choose who you are asking."),
    ...range,
    message: safeText().trim().max(500, "Keep the message under 500 characters.").default(""),
  })
  .refine(endAfterStart, END_MESSAGE);
export type TCoverRequestInput = z.input<typeof ZCoverRequestInput>;

export const ZSwapRequestInput = z
  .object({
    scheduleId: safeId("Choose a schedule."),
    responderId: safeId("Choose who you are swapping with."),
    ...range,
    swapStartsAt: instant("the start of their shift"),
    swapEndsAt: instant("the end of their shift"),
    message: safeText().trim().max(500, "Keep the message under 500 characters.").default(""),
  })
  .refine(endAfterStart, END_MESSAGE)
  .refine((data) => DateTime.fromISO(data.swapEndsAt).toMillis() > DateTime.fromISO(data.swapStartsAt).toMillis(), {
    path: ["swapEndsAt"],
    message: "The end must be after the start.",
  });
export type TSwapRequestInput = z.input<typeof ZSwapRequestInput>;

export const ZAssignOverrideInput = z
  .object({
    scheduleId: safeId("Choose a schedule."),
    personId: safeId("Choose who covers."),
    layer: z.enum(["PRIMARY", "SECONDARY"]).default("PRIMARY"),
    ...range,
  })
  .refine(endAfterStart, END_MESSAGE);
export type TAssignOverrideInput = z.input<typeof ZAssignOverrideInput>;

export const ZLeaveInput = z
  .object({
    /** Empty: the signed-in person. */
    personId: personId.default(""),
    ...range,
    /** The zone the form's wall-clock times are in. */
    timeZone: safeText().trim().max(100, "Choose a time zone such as Europe/London.").refine((zone) => IANAZone.isValidZone(zone), "Choose a time zone.").default("UTC"),
    note: safeText().trim().max(200, "Keep the note under 200 characters.").default(""),
  })
  .refine(endAfterStart, END_MESSAGE);
export type TLeaveInput = z.input<typeof ZLeaveInput>;

/** Minor units per shift or call-out; a million (10,000.00) is far above any real rate and fits the column. */
const rate = boundedInt({ min: 0, max: 1_000_000 }, { type: "Enter whole minor units (pence, cents).", min: "Rates cannot be negative.", max: "That rate is above 1,000,000 minor units; check the figure." });

export const ZPayPolicyInput = z.object({
  teamId: safeId("Choose a team."),
  model: z.enum(["STANDBY_ONLY", "STANDBY_AND_CALLOUT"], { message: "Choose a pay model." }),
  standbyRate: rate,
  weekendHolidayRate: rate,
  calloutRate: rate,
});
export type TPayPolicyInput = z.input<typeof ZPayPolicyInput>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZHolidayCalendarInput = z.object({
  name: safeText().trim().min(2, "Enter a name of at least 2 characters.").max(100, "Keep the name under 100 characters."),
  slug: safeText()
    .trim()
    .min(2, "The slug needs at least 2 characters.")
    .max(60, "Keep the slug under 60 characters.")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. england-and-wales."),
});
export type THolidayCalendarInput = z.input<typeof ZHolidayCalendarInput>;

export const ZHolidayInput = z.object({
  date: safeText()
    .trim()
    .regex(ISO_DATE, "Enter the date as YYYY-MM-DD.")
    .refine((value) => DateTime.fromISO(value).isValid, { message: "Enter a real date.", abort: true })
    .refine(inSaneRange, INSTANT_RANGE_MESSAGE),
  name: safeText().trim().min(1, "Enter the holiday's name.").max(100, "Keep the name under 100 characters."),
});
export type THolidayInput = z.input<typeof ZHolidayInput>;

/** An uploaded .ics of public holidays: at most 1 MB of text. */
export const ZHolidayImportInput = z.object({
  ics: safeText().min(1, "Choose an .ics file.").max(1_000_000, "The file is larger than 1 MB."),
});
