import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { limitCredentialsCallback } from "@/lib/auth/sign-in-limit";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: env() is read lazily and `next build` runs without the runtime settings.
function handler(request: NextRequest, context: RouteContext) {
  return NextAuth(request, context, authOptions());
}

// Password sign-in answers a locked account or address with 429 and Retry-After (lib/auth/sign-in-limit.ts).
async function POST(request: NextRequest, context: RouteContext) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, context);
  return limitCredentialsCallback(request, () => handler(request, context));
}

export { handler as GET, POST };
