// Server actions return a FormState instead of throwing, so forms can show field-level errors.
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { AppError } from "../errors";
import { logger } from "../observability/logger";
import type { FormState } from "./initial-form-state";

export type { FormState } from "./initial-form-state";

export async function runFormAction(action: () => Promise<FormState | void>): Promise<FormState> {
  try {
    return (await action()) ?? { status: "success" };
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
    logger().error({ err: error }, "server action failed");
    return { status: "error", message: "Something went wrong on our side. Nothing was saved." };
  }
}

/** FormData with dotted names (links.0.url) → nested object/arrays, for zod to validate. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, raw] of formData.entries()) {
    if (name.startsWith("$ACTION")) continue;
    if (typeof raw !== "string") continue;
    const path = name.split(".");
    let node: Record<string, unknown> = result;
    path.forEach((key, index) => {
      if (index === path.length - 1) {
        node[key] = raw;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1]!);
      node[key] ??= nextIsIndex ? [] : {};
      node = node[key] as Record<string, unknown>;
    });
  }
  // Arrays built from sparse indexes (a removed row) would keep holes; compact them.
  for (const [key, value] of Object.entries(result)) if (Array.isArray(value)) result[key] = value.filter((item) => item !== undefined);
  return result;
}
