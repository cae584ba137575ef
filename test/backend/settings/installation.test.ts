// The install check: a token issued by an admin (stored hashed, short-lived) is verified by
// the first widget that boots with it from an allowed origin, and by nothing else.
import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { sha256Hex } from "../../../convex/lib/crypto";
import { INSTALL_TOKEN_LIFETIME_MS } from "../../../convex/lib/installationRules";
import { expectAppError, newBackend, TEST_ORIGIN } from "../helpers";
import { twoTeams, useAuthEnvironment } from "../inbox/support";

useAuthEnvironment();

async function world() {
  const t = newBackend();
  const teams = await twoTeams(t);
  const admin = teams.acmeAdmin.client;
  const issued = await admin.action(api.installation.issueToken, { workspaceId: teams.acme });
  const status = () => admin.query(api.installation.status, { workspaceId: teams.acme });
  const boot = (sessionId: string, extra: Record<string, string> = {}, workspaceId = "acme") =>
    t.action(api.widgetSessions.boot, { workspaceId, sessionId, origin: TEST_ORIGIN, ...extra });
  return { t, ...teams, admin, issued, status, boot };
}

describe("the install check", () => {
  test("is issued hashed and short-lived, and the first boot with the token verifies it with origin and label", async () => {
    const { t, issued, status, boot } = await world();
    const before = await status();
    expect(before.publicId).toBe("acme");
    expect(before.check).toMatchObject({ verifiedAt: null, origin: null });
    expect(before.check!.expiresAt - before.check!.issuedAt).toBe(INSTALL_TOKEN_LIFETIME_MS);
    const rows = await t.run((ctx) => ctx.db.query("installationChecks").collect());
    expect(rows[0]?.tokenHash).toBe(await sha256Hex(issued.token));
    expect(JSON.stringify(rows)).not.toContain(issued.token);

    await boot("visitor-1");
    expect((await status()).check?.verifiedAt).toBeNull();
    await boot("visitor-2", { onboardingVerificationToken: issued.token, clientIdentifier: "Marketing\u0000 site" });
    const after = await status();
    expect(after.check).toMatchObject({ verifiedAt: expect.any(Number), origin: TEST_ORIGIN, clientIdentifier: "Marketing site" });
    expect(after.lastVerified).toMatchObject({ origin: TEST_ORIGIN, clientIdentifier: "Marketing site" });

    // A later boot with the same token changes nothing: the first one is what the admin saw.
    await boot("visitor-3", { onboardingVerificationToken: issued.token, clientIdentifier: "Other" });
    expect((await status()).check?.clientIdentifier).toBe("Marketing site");
  });

  test("ignores expired tokens, other workspaces' boots and refused origins, without failing the widget", async () => {
    const { t, issued, status, boot } = await world();
    await t.run(async (ctx) => {
      const row = (await ctx.db.query("installationChecks").collect())[0]!;
      await ctx.db.patch("installationChecks", row._id, { expiresAt: Date.now() - 1 });
    });
    const booted = await boot("visitor-1", { onboardingVerificationToken: issued.token });
    expect(booted.sessionToken).toMatch(/^wst_/);
    expect((await status()).check?.verifiedAt).toBeNull();

    const fresh = await world();
    await fresh.t.run((ctx) => ctx.db.patch("workspaces", fresh.globex, { allowedOrigins: [TEST_ORIGIN] }));
    await fresh.boot("visitor-9", { onboardingVerificationToken: fresh.issued.token }, "globex");
    expect((await fresh.status()).check?.verifiedAt).toBeNull();
    await expectAppError(
      fresh.t.action(api.widgetSessions.boot, { workspaceId: "acme", sessionId: "visitor-8", origin: "https://evil.example.net", onboardingVerificationToken: fresh.issued.token }),
      "ORIGIN_NOT_ALLOWED",
    );
    expect((await fresh.status()).check?.verifiedAt).toBeNull();
  });
});
