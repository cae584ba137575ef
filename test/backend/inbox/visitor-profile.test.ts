// What an operator sees beside a conversation: the company, language and time zone, the
// pages visited, the site's events and the visitor's tickets.
import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { TEST_ORIGIN, createWorkspace, expectAppError, newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

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
