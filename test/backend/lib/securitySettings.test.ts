import { describe, expect, test } from "vitest";
import type { Doc, Id } from "../../../convex/_generated/dataModel";
import { checkSecurityPatch, securitySettingsView } from "../../../convex/lib/securitySettings";
import { workspaceDocument } from "../../../convex/lib/workspaceSettings";

const NOW = Date.UTC(2030, 0, 1);

function workspace(extra: Partial<Doc<"workspaces">> = {}): Doc<"workspaces"> {
  return {
    ...workspaceDocument({ publicId: "acme", name: "Acme", allowedOrigins: ["https://a.test"], identitySecret: "top" }),
    _id: "w1" as Id<"workspaces">,
    _creationTime: 0,
    ...extra,
  };
}

describe("securitySettingsView", () => {
  test("new workspaces default to optional mode and 24 h; secrets never appear", () => {
    const view = securitySettingsView(workspace({ previousSecret: "older", previousSecretExpiresAt: NOW + 1 }), NOW);
    expect(view).toEqual({
      identityVerification: { mode: "optional", jwtMaxAgeSeconds: 86_400 },
      allowedOrigins: ["https://a.test"],
      sessionLifetimeHours: 24,
      secretRotation: { previousSecretExpiresAt: NOW + 1 },
    });
    expect(JSON.stringify(view)).not.toMatch(/top|older/);
  });

  test("an elapsed grace period shows as null", () => {
    const view = securitySettingsView(workspace({ previousSecret: "older", previousSecretExpiresAt: NOW }), NOW);
    expect(view.secretRotation.previousSecretExpiresAt).toBeNull();
  });
});

describe("checkSecurityPatch", () => {
  test("trims valid origins and passes the rest through", () => {
    expect(checkSecurityPatch({ allowedOrigins: [" https://*.a.test "], sessionLifetimeHours: 168 })).toEqual({
      allowedOrigins: ["https://*.a.test"],
      sessionLifetimeHours: 168,
    });
  });

  test("names the offending origin by index, and refuses lifetimes outside 1..168", () => {
    expect(() => checkSecurityPatch({ allowedOrigins: ["https://a.test", "ftp://b.test"] })).toThrow(
      expect.objectContaining({ data: expect.objectContaining({ field: "allowedOrigins.1" }) }),
    );
    for (const hours of [0, 169, 2.5, Number.NaN]) {
      expect(() => checkSecurityPatch({ sessionLifetimeHours: hours })).toThrow(
        expect.objectContaining({ data: expect.objectContaining({ field: "sessionLifetimeHours" }) }),
      );
    }
  });
});
