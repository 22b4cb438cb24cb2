// One typed error for the whole app, mapped once to HTTP statuses and form errors.
import { z } from "zod";

export type ErrorCode =
  | "BAD_REQUEST"
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED";

const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

/** Field path (e.g. "links.0.url") → messages. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    /** Sent with the HTTP answer, e.g. Retry-After on RATE_LIMITED. */
    readonly responseHeaders: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return statusByCode[this.code];
  }

  static validation(fieldErrors: FieldErrors, message = "Some fields need attention."): AppError {
    return new AppError("VALIDATION", message, fieldErrors);
  }

  static fromZod(error: z.ZodError): AppError {
    const fieldErrors: FieldErrors = {};
    for (const issue of error.issues) {
      const key = issue.path.map(String).join(".") || "_form";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return AppError.validation(fieldErrors);
  }
}

export const forbidden = (message = "You do not have permission to do that.") => new AppError("FORBIDDEN", message);
export const notFound = (what = "That") => new AppError("NOT_FOUND", `${what} was not found.`);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) => new AppError("CONFLICT", message, fieldErrors);

/** Parses input with a zod schema, throwing a VALIDATION AppError with field paths. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.fromZod(result.error);
  return result.data;
}

/** Prisma's unique-constraint violation, detected without importing the generated client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
