import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { validateStory } from "../../../core/bots";
import { demoStory } from "../../../convex/model/demoBot";
import { newBackend } from "../helpers";
import { developmentEnv, fakeReceiver } from "../outgoing/support";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("the demo bot", () => {
  test("its story passes the story rules", () => {
    expect(validateStory(demoStory("k17cdemo"))).toMatchObject({ ok: true });
  });

  test("under npm run dev it greets, and hands off gracefully when the bot server is down", async () => {
    developmentEnv();
    vi.stubEnv("OPENCOM_BOT_PORT", "5180");
    vi.stubEnv("OPENCOM_OUTGOING_POLICY", JSON.stringify({ bot: { timeoutMs: 100, maxAttempts: 2, backoffBaseMs: 5, backoffCapMs: 10 } }));
    fakeReceiver(() => "network-error");
    const t = newBackend();
    const credentials = await t.action(internal.seed.demo, {});
    const visitor = await t.action(api.widgetSessions.boot, { workspaceId: "demo", sessionId: "visitor-demo", origin: "http://127.0.0.1:5173" });
    const sent = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Hi", clientMessageId: "c1" });
    await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, conversationId: sent.conversationId, body: "Ada", clientMessageId: "c2" });
    await vi.waitFor(
      async () => {
        const run = await t.run(async (ctx) => await ctx.db.query("botRuns").first());
        expect(run?.status).toBe("handed_off");
      },
      { timeout: 5000, interval: 10 },
    );
    const messages = await t.query(api.messages.list, { sessionToken: visitor.sessionToken, conversationId: sent.conversationId });
    expect(messages.map((m) => m.senderType)).toEqual(["visitor", "bot", "visitor", "system"]);
    const connections = await t.fetch("/api/v1/integrations/webhook", { headers: { Authorization: `Bearer ${credentials?.adminApiKey}` } });
    const [connection] = (await connections.json()) as Array<{ url: string; error: string | null }>;
    expect(connection?.url).toBe("http://127.0.0.1:5180/webhook");
    expect(connection?.error).toContain("Network error");
  });
});
