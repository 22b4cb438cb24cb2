// Runs before pages (and the password sign-in callback): a per-request CSP nonce for Next.js's scripts,
// and X-Forwarded-For moved aside so route handlers learn the socket's peer (lib/http/client-address.ts).
// The static security headers come from next.config.ts on every response; /api is left out of this
// matcher, because running a proxy on a route makes Next.js clone its request body.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { separateForwardedFor } from "@/lib/http/client-address";
import { oversizedServerAction, serverActionTooLargeResponse } from "@/lib/http/request-limits";
import { NONCE_HEADER, newNonce, pageSecurityHeaders, servedOverHttps } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  if (oversizedServerAction(request.method, request.headers)) return serverActionTooLargeResponse();
  const headers = new Headers(request.headers);
  separateForwardedFor(headers);
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next({ request: { headers } });

  const nonce = newNonce();
  const security = pageSecurityHeaders({
    nonce,
    https: servedOverHttps(request.headers, env().NEXTAUTH_URL),
    dev: env().NODE_ENV === "development",
  });
  // Next.js reads the nonce from the request's CSP and puts it on its own scripts; the layout reads NONCE_HEADER.
  headers.set("content-security-policy", security["Content-Security-Policy"]);
  headers.set(NONCE_HEADER, nonce);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) if (value) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages, not API routes, built assets or the favicon; prefetches carry no HTML to protect.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    "/api/auth/callback/credentials",
  ],
};
