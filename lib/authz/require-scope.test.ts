import { describe, expect, it } from "vitest";
import { personActor, tokenActor, cliTestActor } from "../../test/helpers";
import { requireScope } from "./require-scope";

const cases = [
  { name: "token with scope, own service", actor: tokenActor({ scopes: ["deployments:write"], serviceId: "s1" }), serviceId: "s1", allowed: true },
  { name: "token with scope, other service", actor: tokenActor({ scopes: ["deployments:write"], serviceId: "s1" }), serviceId: "s2", allowed: false },
  { name: "token with scope, list across services", actor: tokenActor({ scopes: ["deployments:write"], serviceId: "s1" }), serviceId: null, allowed: false },
  { name: "token without the scope", actor: tokenActor({ scopes: ["health:write"], serviceId: "s1" }), serviceId: "s1", allowed: false },
  { name: "organisation-wide token", actor: tokenActor({ scopes: ["deployments:write"], serviceId: null }), serviceId: "s2", allowed: true },
  { name: "person (matrix decides)", actor: personActor(), serviceId: "s1", allowed: true },
  { name: "operator", actor: cliTestActor(), serviceId: "s1", allowed: true },
];

describe("requireScope", () => {
  it.each(cases)("$name → $allowed", ({ actor, serviceId, allowed }) => {
    const check = () => requireScope(actor, "deployments:write", serviceId);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});
