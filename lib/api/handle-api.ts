// Route handlers go through here: one mapping from AppError to HTTP, and a request id for the rest.
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError } from "../errors";

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]>; requestId?: string } };

export function apiError(error: unknown): NextResponse<ApiErrorBody> {
  if (error instanceof AppError) {
    const fields = Object.keys(error.fieldErrors).length ? error.fieldErrors : undefined;
    return NextResponse.json({ error: { code: error.code, message: error.message, fields } }, { status: error.status });
  }
  const requestId = randomUUID();
  console.error(`[api] request ${requestId} failed`, error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side.", requestId } },
    { status: 500 },
  );
}

/** Wraps a handler so thrown AppErrors become JSON errors with the right status. */
export function handleApi<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return apiError(error);
    }
  };
}
