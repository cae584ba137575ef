import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, expectAppError } from "../helpers";
import { messengerSetup, rest, startConversation } from "./support";

describe("email capture", () => {
  test("an anonymous visitor is asked once: saving stores the email, skipping stops the asking", async () => {
    const { t, alice, bob } = await messengerSetup();
    const state = (token: string) => t.query(api.messenger.visitorState, { sessionToken: token });
    expect(await state(alice.sessionToken)).toEqual({ identified: false, hasEmail: false, emailPrompted: false });

    await expectAppError(t.mutation(api.messenger.saveEmail, { sessionToken: alice.sessionToken, email: "not an email" }), "INVALID_ARGUMENT", "email");
    await t.mutation(api.messenger.saveEmail, { sessionToken: alice.sessionToken, email: " ada@example.com " });
    expect(await state(alice.sessionToken)).toEqual({ identified: false, hasEmail: true, emailPrompted: true });
    const conversationId = await startConversation(t, alice.sessionToken);
    const [conversation] = (await rest(t, "GET", "/api/v1/conversations")).json.data;
    expect(conversation).toMatchObject({ id: conversationId, visitor: { email: "ada@example.com" } });

    await t.mutation(api.messenger.skipEmail, { sessionToken: bob.sessionToken });
    expect(await state(bob.sessionToken)).toEqual({ identified: false, hasEmail: false, emailPrompted: true });
  });

  test("identified users' emails come from the host site", async () => {
    const { t } = await messengerSetup();
    const carol = await bootVisitor(t, "visitor-carol", "acme", { userId: "carol" });
    expect((await t.query(api.messenger.visitorState, { sessionToken: carol.sessionToken })).identified).toBe(true);
    await expectAppError(t.mutation(api.messenger.saveEmail, { sessionToken: carol.sessionToken, email: "c@example.com" }), "CONFLICT", "email");
  });
});

describe("unread summary", () => {
  test("counts team messages across conversations and names the newest unread one", async () => {
    const { t, alice } = await messengerSetup();
    const summary = () => t.query(api.messenger.unreadSummary, { sessionToken: alice.sessionToken });
    expect(await summary()).toEqual({ unreadCount: 0, latest: null, lastAssignment: null });
    const first = await startConversation(t, alice.sessionToken, "first");
    const second = await startConversation(t, alice.sessionToken, "second one");
    await rest(t, "POST", `/api/v1/conversations/${first}/messages`, { text: "Answer one" });
    await rest(t, "POST", `/api/v1/conversations/${second}/messages`, { text: "Answer two", authorName: "Ada" });
    const result = await summary();
    expect(result.unreadCount).toBe(2);
    expect(result.latest).toMatchObject({ conversationId: second, body: "Answer two", senderName: "Ada", senderType: "agent" });
    await t.mutation(api.conversations.markAsRead, { sessionToken: alice.sessionToken, conversationId: second });
    expect((await summary()).latest).toMatchObject({ conversationId: first, body: "Answer one", senderName: null });
  });
});

describe("messenger settings", () => {
  test("REST PATCH changes theme, office hours and tabs; boot hands them to the widget", async () => {
    const { t } = await messengerSetup();
    const before = await rest(t, "GET", "/api/v1/workspace/messenger");
    expect(before.json.data).toMatchObject({ theme: "light", officeHours: null, replyTime: "hours", defaultTab: null });
    const officeHours = { timeZone: "Europe/Paris", intervals: [{ day: 1, open: "09:00", close: "17:30" }] };
    const settings = {
      theme: "dark",
      officeHours,
      offlineMessage: "Back soon",
      defaultTab: "help",
      homeCards: [{ title: "Docs", url: "https://example.com/docs" }],
      tabs: [
        { id: "messages", enabled: true, visibleTo: "all" },
        { id: "help", enabled: true, visibleTo: "users" },
      ],
    };
    const patched = await rest(t, "PATCH", "/api/v1/workspace/messenger", settings);
    expect(patched.status).toBe(200);
    const booted = await bootVisitor(t, "visitor-dave");
    expect(booted.settings).toMatchObject(settings);
    const cleared = await rest(t, "PATCH", "/api/v1/workspace/messenger", { officeHours: null, offlineMessage: null });
    expect(cleared.json.data).toMatchObject({ officeHours: null, offlineMessage: null, theme: "dark" });
  });

  test("refuses bad settings, naming the field", async () => {
    const { t } = await messengerSetup();
    const fields = async (body: unknown) => (await rest(t, "PATCH", "/api/v1/workspace/messenger", body)).json.error.fields;
    expect(Object.keys(await fields({ theme: "neon" }))).toEqual(["theme"]);
    expect(Object.keys(await fields({ officeHours: { timeZone: "Mars/Base", intervals: [] } }))).toEqual(["officeHours.timeZone"]);
    expect(Object.keys(await fields({ officeHours: { timeZone: "UTC", intervals: [{ day: 7, open: "25:00", close: "09:00" }] } }))).toEqual([
      "officeHours.intervals.0.day",
      "officeHours.intervals.0.open",
    ]);
    expect(await fields({ tabs: [{ id: "messages", enabled: false, visibleTo: "all" }] })).toEqual({
      "tabs.0": "The messages tab is always enabled and visible to all.",
    });
    expect(Object.keys(await fields({ primaryColor: "red; background:url(x)" }))).toEqual(["primaryColor"]);
  });
});
