// A real OpenID provider for the OIDC browser tests: panva's oidc-provider (certified), with its
// default claim rules, PKCE required for every client, and a small login and consent page of our
// own that the browser fills in. It records what each authorization and token request carried, so
// a test can prove the portal used PKCE (GET /_test/events).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { callbackUrl, findIdpAccount, type IdpClient } from "./idp-accounts";

export type IdpEvent =
  | { type: "authorization"; clientId: string; codeChallengeMethod: string | null; hasCodeChallenge: boolean; hasState: boolean; scope: string }
  | { type: "token"; clientId: string; accountId: string | null; sentCodeVerifier: boolean };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function loginPage(uid: string, error?: string): string {
  return page(
    "Test IdP sign-in",
    `${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
  <label for="email">Email address</label> <input id="email" name="email" type="email" required autofocus>
  <button type="submit">Continue</button>
</form>`,
  );
}

function consentPage(uid: string, clientId: string, scopes: string[]): string {
  return page(
    "Share your details",
    `<p>${escapeHtml(clientId)} asks for: ${escapeHtml(scopes.join(", "))}</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/consent"><button type="submit">Allow</button></form>`,
  );
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendHtml(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

function createProvider(issuer: string, clients: IdpClient[], events: IdpEvent[]): Provider {
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [callbackUrl(client.portalUrl)],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    // A confidential client may skip PKCE by default; here it may not, so a portal without PKCE fails.
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, sub) {
      const account = findIdpAccount(sub);
      if (!account) return undefined;
      return { accountId: account.email, claims: () => ({ sub: account.email, email: account.email, email_verified: account.emailVerified ?? true, name: account.name }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    jwks: { keys: [{ ...signingKey, kid: "test-idp", alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // Short and explicit: a test run lasts minutes, and defaults would print a notice per artifact.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
  provider.on("authorization.accepted", (ctx: KoaContextWithOIDC) => {
    const params = ctx.oidc.params ?? {};
    events.push({
      type: "authorization",
      clientId: String(params.client_id ?? ""),
      codeChallengeMethod: typeof params.code_challenge_method === "string" ? params.code_challenge_method : null,
      hasCodeChallenge: typeof params.code_challenge === "string" && params.code_challenge.length > 0,
      hasState: typeof params.state === "string" && params.state.length > 0,
      scope: String(params.scope ?? ""),
    });
  });
  provider.on("grant.success", (ctx: KoaContextWithOIDC) => {
    const code = ctx.oidc.entities.AuthorizationCode;
    events.push({
      type: "token",
      clientId: ctx.oidc.client?.clientId ?? "",
      accountId: code?.accountId ?? null,
      sentCodeVerifier: typeof ctx.oidc.params?.code_verifier === "string",
    });
  });
  return provider;
}

async function handleInteraction(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const [, , uid, step] = url.pathname.split("/");
  const details = await provider.interactionDetails(req, res);
  if (!uid || details.uid !== uid) return sendHtml(res, 400, page("Unknown interaction", ""));

  if (req.method === "GET" && !step) {
    if (details.prompt.name === "login") return sendHtml(res, 200, loginPage(uid));
    const scopes = String(details.params.scope ?? "").split(" ").filter(Boolean);
    return sendHtml(res, 200, consentPage(uid, String(details.params.client_id), scopes));
  }
  if (req.method === "POST" && step === "login") {
    const account = findIdpAccount((await readForm(req)).get("email") ?? "");
    if (!account) return sendHtml(res, 401, loginPage(uid, "No account with that email at this provider."));
    return provider.interactionFinished(req, res, { login: { accountId: account.email } }, { mergeWithLastSubmission: false });
  }
  if (req.method === "POST" && step === "consent") {
    const { prompt, grantId, session, params } = details;
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session?.accountId, clientId: String(params.client_id) });
    if (!grant) return sendHtml(res, 400, page("Unknown grant", ""));
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  sendHtml(res, 405, page("Not allowed", ""));
}

export type RunningIdentityProvider = { issuer: string; close: () => Promise<void> };

/** Starts the provider on 127.0.0.1:port; the issuer is http://127.0.0.1:port. */
export async function startIdentityProvider(port: number, clients: IdpClient[]): Promise<RunningIdentityProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const events: IdpEvent[] = [];
  const provider = createProvider(issuer, clients, events);
  const oidc = provider.callback();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname.startsWith("/interaction/")) {
      handleInteraction(provider, req, res, url).catch((error: unknown) => {
        sendHtml(res, 500, page("Interaction failed", `<pre>${escapeHtml(String(error))}</pre>`));
      });
      return;
    }
    if (url.pathname === "/_test/events") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(events));
      return;
    }
    oidc(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets of the browser would hold close() open
      }),
  };
}
