// `tsx e2e/oidc/serve-identity-provider.ts`: the OpenID provider of the OIDC browser tests, started
// by playwright.oidc.config.ts before the portals (which discover it on first sign-in).
import { startIdentityProvider } from "./identity-provider";
import { IDP_PORT, OIDC_PORTALS } from "./portals";

const running = await startIdentityProvider(IDP_PORT, [...OIDC_PORTALS]);
console.log(`[test-idp] OpenID provider on ${running.issuer}`);

const stop = () => void running.close().finally(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
