// What an operator sees beside a conversation: the company, language and time zone, the
// pages visited, the site's events and the visitor's tickets.
import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { TEST_ORIGIN, createWorkspace, expectAppError, newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();
afterEach(() => {
  vi.useRealTimers();
});

describe("the visitor beside a conversation", () => {
  test("carries company, locale, time zone, each page once at its latest visit, events apart from page views, and tickets", async () => {
    const t = newBackend();
    const { acme, acmeAgent } = await twoTeams(t);
    const device = { browser: "Firefox", os: "Linux", deviceType: "desktop", locale: "fr-FR", timeZone: "Europe/Paris" };
    const { sessionToken } = await t.action(api.widgetSessions.boot, {
      workspaceId: "acme",
      sessionId: "browser-1",
      origin: TEST_ORIGIN,
      device,
      user: { userId: "u1", name: "Ada", company: { id: "co1", name: "Acme Corp", plan: "pro" } },
    });
    const track = (name: string, url?: string) => t.mutation(api.events.track, { sessionToken, name, ...(url ? { url } : {}) });
    await track("$pageview", "https://shop.example/");
    await track("$pageview", "https://shop.example/pricing");
    await track("clicked_upgrade");
    await track("$presence"); // the widget's minute beat: not one of the site's events
    await track("$pageview", "https://shop.example/");
    await t.mutation(api.tickets.create, { sessionToken, title: "Invoice wrong", fields: { description: "The VAT is missing." } });
    const sent = await t.mutation(api.messages.send, { sessionToken, body: "Hello", clientMessageId: "m1" });

    const profile = await acmeAgent.client.query(api.inboxVisitors.forConversation, { workspaceId: acme, conversationId: sent.conversationId });
    expect(profile?.device).toEqual(device);
    expect(profile?.company).toEqual({ name: "Acme Corp", plan: "pro" });
    expect(profile?.pageHistory.map((page) => page.url)).toEqual(["https://shop.example/", "https://shop.example/pricing"]);
    expect(profile?.recentEvents.map((event) => event.name)).toEqual(["clicked_upgrade"]);
    expect(profile?.tickets).toEqual([expect.objectContaining({ code: expect.stringMatching(/^TK-\d+$/), subject: "Invoice wrong", state: "submitted" })]);
  });

  test("a visitor present for hours still shows the site's events and pages: presence beats are read apart", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    const { acme, acmeAgent } = await twoTeams(t);
    const { sessionToken } = await t.action(api.widgetSessions.boot, { workspaceId: "acme", sessionId: "browser-2", origin: TEST_ORIGIN });
    const track = (name: string, url?: string) => t.mutation(api.events.track, { sessionToken, name, ...(url ? { url } : {}) });
    await track("$pageview", "https://shop.example/pricing");
    await track("clicked_upgrade");
    // Five hours of the widget's minute beat: more rows than any fixed window of recent activity.
    const beats = 300;
    for (let minute = 1; minute <= beats; minute++) {
      vi.setSystemTime(Date.now() + 60_000);
      await track("$presence");
    }
    const sent = await t.mutation(api.messages.send, { sessionToken, body: "Still there?", clientMessageId: "m2" });

    const profile = await acmeAgent.client.query(api.inboxVisitors.forConversation, { workspaceId: acme, conversationId: sent.conversationId });
    expect(profile?.recentEvents.map((event) => event.name)).toEqual(["clicked_upgrade"]);
    expect(profile?.pageHistory.map((page) => page.url)).toEqual(["https://shop.example/pricing"]);
    const stored = await t.run(async (ctx) => await ctx.db.query("events").collect());
    expect(stored.filter((event) => event.kind === "presence")).toHaveLength(beats);
  });

  test("events stored before kinds existed get theirs from events:labelKinds", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const { sessionToken } = await t.action(api.widgetSessions.boot, { workspaceId: "acme", sessionId: "browser-3", origin: TEST_ORIGIN });
    await t.mutation(api.events.track, { sessionToken, name: "signed_up" });
    await t.run(async (ctx) => {
      const [first] = await ctx.db.query("events").collect();
      if (first === undefined) throw new Error("no event stored");
      for (const name of ["$pageview", "$presence", "ordered"]) {
        await ctx.db.insert("events", { workspaceId: first.workspaceId, visitorId: first.visitorId, name, createdAt: Date.now() });
      }
    });
    await t.mutation(internal.events.labelKinds, {});
    const rows = await t.run(async (ctx) => await ctx.db.query("events").collect());
    expect(rows.map((row) => [row.name, row.kind])).toEqual([
      ["signed_up", "custom"],
      ["$pageview", "page"],
      ["$presence", "presence"],
      ["ordered", "custom"],
    ]);
  });

  test("boot refuses a device label that is too long, naming it", async () => {
    const t = newBackend();
    await createWorkspace(t);
    await expectAppError(
      t.action(api.widgetSessions.boot, { workspaceId: "acme", sessionId: "b", origin: TEST_ORIGIN, device: { browser: "x", os: "y", deviceType: "desktop", timeZone: "z".repeat(65) } }),
      "INVALID_ARGUMENT",
      "device.timeZone",
    );
  });
});
