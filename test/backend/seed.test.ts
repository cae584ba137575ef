import { describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { newBackend } from "./helpers";
import { userHashFor } from "./signing";

describe("seed:demo", () => {
  test("creates the demo workspace once and returns its credentials", async () => {
    const t = newBackend();
    const credentials = await t.action(internal.seed.demo, {});
    expect(credentials).not.toBeNull();
    expect(credentials?.workspaceId).toBe("demo");
    expect(credentials?.adminApiKey).toMatch(/^oc_live_[A-Za-z0-9_-]{32}$/);
    expect(credentials?.hmacSecret).toMatch(/^[0-9a-f]{64}$/);

    const stored = await t.run(async (ctx) => ({
      workspaces: await ctx.db.query("workspaces").collect(),
      keys: await ctx.db.query("apiKeys").collect(),
    }));
    expect(stored.workspaces).toHaveLength(1);
    expect(stored.workspaces[0]).toMatchObject({ publicId: "demo", name: "Demo workspace" });
    // The Engagement studio's "Pick on site" and "Preview" open the demo site out of the box.
    expect(stored.workspaces[0]?.websiteUrl).toBe(`${credentials?.demoSiteUrl}/`);
    expect(stored.workspaces[0]?.identitySecret).toBe(credentials?.hmacSecret);
    expect(stored.keys).toHaveLength(1);
    expect(JSON.stringify(stored.keys)).not.toContain(credentials?.adminApiKey);

    expect(await t.action(internal.seed.demo, {})).toBeNull();
    const workspaces = await t.run(async (ctx) => ctx.db.query("workspaces").collect());
    expect(workspaces).toHaveLength(1);
  });

  test("the demo key opens the REST API", async () => {
    const t = newBackend();
    const credentials = await t.action(internal.seed.demo, {});
    const response = await t.fetch("/api/v1/conversations", {
      headers: { Authorization: `Bearer ${credentials?.adminApiKey}` },
    });
    expect(response.status).toBe(200);
  });

  test("the demo workspace admits localhost and 127.0.0.1 on any port, and nothing else", async () => {
    const t = newBackend();
    await t.action(internal.seed.demo, {});
    const bootFrom = (origin: string) =>
      t.action(api.widgetSessions.boot, { workspaceId: "demo", sessionId: "demo-visitor", origin });
    for (const origin of ["http://localhost:5173", "http://127.0.0.1:3000", "http://localhost"]) {
      await expect(bootFrom(origin)).resolves.toHaveProperty("settings.teamName", "Opencom Demo Team");
    }
    await expect(bootFrom("https://example.com")).rejects.toMatchObject({ data: { code: "ORIGIN_NOT_ALLOWED" } });
  });
});

describe("seed:demo identity verification", () => {
  test("the demo workspace is in optional mode and verifies hashes made with hmacSecret", async () => {
    const t = newBackend();
    const credentials = await t.action(internal.seed.demo, {});
    const secret = credentials?.hmacSecret ?? "";
    const [workspace] = await t.run(async (ctx) => ctx.db.query("workspaces").collect());
    expect(workspace?.identityVerification).toEqual({ mode: "optional" });
    const booted = await t.action(api.widgetSessions.boot, {
      workspaceId: "demo",
      sessionId: "demo-user",
      origin: "http://127.0.0.1:5173",
      user: { userId: "demo-user-1", userHash: userHashFor(secret, "demo-user-1") },
    });
    const visitor = await t.run(async (ctx) => ctx.db.get("visitors", booted.visitorId));
    expect(visitor).toMatchObject({ userId: "demo-user-1", verified: true });
  });
});
