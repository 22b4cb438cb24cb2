import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

// The API description is public, like the API docs of any SaaS: it holds no data.
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(openApiDocument());
}
