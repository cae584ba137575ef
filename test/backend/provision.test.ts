import { describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { newBackend } from "./helpers";
import { useAuthEnvironment } from "./inbox/support";

useAuthEnvironment();

const ACME = { name: "Acme Analytics", origins: ["https://www.acme.example", "https://*.acme.example"], adminEmail: "Ops@Acme.example" };

async function signIn(t: ReturnType<typeof newBackend>, email: string, password: string) {
  const result = (await t.action(api.auth.signIn, { provider: "password", params: { flow: "signIn", email, password } })) as { tokens?: { token: string } | null };
  return result.tokens ?? null;
}

// Scrypt in plain JavaScript costs about half a second per hash here.
describe("provision:workspace", { timeout: 60_000 }, () => {
  test("creates a workspace with the site's origins, no demo content, a working key and a first admin who can sign in", async () => {
    const t = newBackend();
    const created = await t.action(internal.provision.workspace, ACME);
    expect(created.workspaceId).toMatch(/^acme-analytics-[0-9a-f]{6}$/);
    expect(created.allowedOrigins).toEqual(ACME.origins);
    expect(created.adminApiKey).toMatch(/^oc_live_/);
    expect(created.admin.email).toBe("ops@acme.example");
    expect(created.admin.password).toEqual(expect.any(String));

    const stored = await t.run(async (ctx) => ({
      workspaces: await ctx.db.query("workspaces").collect(),
      members: await ctx.db.query("members").collect(),
      content: [
        ...(await ctx.db.query("tours").collect()),
        ...(await ctx.db.query("tooltips").collect()),
        ...(await ctx.db.query("outboundMessages").collect()),
        ...(await ctx.db.query("surveys").collect()),
        ...(await ctx.db.query("checklists").collect()),
        ...(await ctx.db.query("articles").collect()),
        ...(await ctx.db.query("conversations").collect()),
      ],
    }));
    expect(stored.workspaces).toEqual([expect.objectContaining({ publicId: created.workspaceId, name: "Acme Analytics", allowedOrigins: ACME.origins })]);
    expect(stored.members).toEqual([expect.objectContaining({ role: "admin", workspaceId: stored.workspaces[0]?._id })]);
    expect(stored.content).toEqual([]);

    const rest = await t.fetch("/api/v1/conversations", { headers: { Authorization: `Bearer ${created.adminApiKey}` } });
    expect(rest.status).toBe(200);
    expect(await signIn(t, "ops@acme.example", created.admin.password!)).not.toBeNull();

    const boot = (origin: string) => t.action(api.widgetSessions.boot, { workspaceId: created.workspaceId, sessionId: "visitor-1", origin });
    await expect(boot("https://app.acme.example")).resolves.toHaveProperty("settings.teamName", "Acme Analytics");
    await expect(boot("http://localhost:5173")).rejects.toMatchObject({ data: { code: "ORIGIN_NOT_ALLOWED" } });
  });

  test("an operator who already has an account becomes admin of the new workspace, password unchanged", async () => {
    const t = newBackend();
    const first = await t.action(internal.provision.workspace, ACME);
    const second = await t.action(internal.provision.workspace, { ...ACME, name: "Acme Labs", origins: ["https://labs.acme.example"], publicId: "acme-labs" });
    expect(second).toMatchObject({ workspaceId: "acme-labs", admin: { email: "ops@acme.example", password: null } });
    const members = await t.run(async (ctx) => ctx.db.query("members").collect());
    expect(members.map((member) => member.role)).toEqual(["admin", "admin"]);
    expect(await signIn(t, "ops@acme.example", first.admin.password!)).not.toBeNull();
  });

  test("refuses bad input by field, and writes nothing", async () => {
    const t = newBackend();
    const refusal = (args: Partial<typeof ACME> & { publicId?: string }) => t.action(internal.provision.workspace, { ...ACME, ...args }).catch((error: { data: unknown }) => error.data);
    expect(await refusal({ name: "  " })).toMatchObject({ code: "INVALID_ARGUMENT", field: "name" });
    expect(await refusal({ origins: [] })).toMatchObject({ code: "INVALID_ARGUMENT", field: "origins" });
    expect(await refusal({ origins: ["www.acme.example"] })).toMatchObject({ code: "INVALID_ARGUMENT", field: "origins" });
    expect(await refusal({ adminEmail: "nobody" })).toMatchObject({ code: "INVALID_ARGUMENT", field: "email" });
    expect(await refusal({ publicId: "Bad Id" })).toMatchObject({ code: "INVALID_ARGUMENT", field: "publicId" });
    expect(await t.run(async (ctx) => (await ctx.db.query("workspaces").collect()).length)).toBe(0);
    await t.action(internal.provision.workspace, { ...ACME, publicId: "acme" });
    expect(await refusal({ publicId: "acme" })).toMatchObject({ code: "CONFLICT", field: "publicId" });
  });
});
