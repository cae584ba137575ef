import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CONVEX_AUTH_IMPORTS, CONVEX_CLIENT_MODULE } from "../../../scripts/build/convex-without-auth";
import * as noAuth from "../../../src/runtime/convex/no-auth";

// The installed Convex client's own source, as the runtime build bundles it.
const clientSource = readFileSync(resolve(import.meta.dirname, "../../../node_modules", CONVEX_CLIENT_MODULE), "utf8");

describe("the Convex client without its auth code (runtime build)", () => {
  it("replaces exactly the modules the client imports", () => {
    for (const specifier of CONVEX_AUTH_IMPORTS) expect(clientSource).toContain(`from "${specifier}"`);
  });

  it("stands in for every method the client calls on its authentication manager", () => {
    const called = new Set([...clientSource.matchAll(/this\.authenticationManager\.(\w+)\(/g)].map((match) => match[1]!));
    expect([...called].sort()).toEqual(["onAuthError", "onTransition", "setConfig", "stop"]);
    const manager = new noAuth.AuthenticationManager() as unknown as Record<string, unknown>;
    for (const method of called) expect(typeof manager[method]).toBe("function");
  });

  it("decodes a JWT only in getCurrentAuthClaims, which the widget never calls", () => {
    const uses = [...clientSource.matchAll(/jwtDecode\(/g)];
    expect(uses).toHaveLength(1);
    const method = clientSource.slice(clientSource.indexOf("getCurrentAuthClaims() {"), uses[0]!.index);
    expect(method).toMatch(/^getCurrentAuthClaims\(\) \{[\s\S]*tokenType === "User"/);
    expect(() => noAuth.jwtDecode()).toThrow(/does not decode/);
  });

  it("refuses setAuth instead of silently running unauthenticated", async () => {
    await expect(new noAuth.AuthenticationManager().setConfig()).rejects.toThrow(/does not authenticate/);
  });
});
