// Replies emailed to visitors who left: one email per batch of replies, only for replies the
// visitor has not read, only when they are away and have an address, never twice.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, newBackend, type TestBackend } from "../helpers";
import { developmentEnv, fakeReceiver, type ReceivedCall } from "../outgoing/support";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

const PROVIDER = "http://127.0.0.1:5183";
const MINUTE = 60_000;

let t: TestBackend;
let receiver: { calls: ReceivedCall[] };

beforeEach(() => {
  vi.useFakeTimers();
  developmentEnv();
  vi.stubEnv("OPENCOM_EMAIL_API_URL", PROVIDER);
  vi.stubEnv("OPENCOM_EMAIL_API_KEY", "re_test_key");
  vi.stubEnv("OPENCOM_EMAIL_FROM", "Acme Support <support@acme.test>");
  receiver = fakeReceiver(() => ({ status: 200, body: JSON.stringify({ id: "email-1" }) }));
  t = newBackend();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

async function conversationWith(options: { email?: string; away?: boolean } = {}) {
  const teams = await twoTeams(t);
  const visitor = await bootVisitor(t, "visitor-1", "acme");
  const { conversationId } = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Where is my parcel?", clientMessageId: "m-1" });
  await t.run(async (ctx) => {
    await ctx.db.patch("visitors", visitor.visitorId as Id<"visitors">, {
      ...(options.email !== undefined ? { email: options.email } : {}),
      ...(options.away !== false ? { lastSeenAt: Date.now() - 10 * MINUTE } : {}),
    });
  });
  const ids = { workspaceId: teams.acme as string, conversationId: conversationId as string };
  const reply = (body: string) => teams.acmeAgent.client.mutation(api.inboxMessages.reply, { ...ids, body });
  return { teams, visitor, ids, reply };
}

const runScheduled = () => t.finishAllScheduledFunctions(vi.runAllTimers);
const emails = () => receiver.calls.map((call) => ({ call, body: JSON.parse(call.body) as { from: string; to: string[]; subject: string; text: string; html: string } }));

describe("replies by email", () => {
  test("replies written within a minute go out as one email to an away visitor, through the outgoing log", async () => {
    const { reply } = await conversationWith({ email: "pat@example.com" });
    await reply("It left our warehouse **today**.");
    await vi.advanceTimersByTimeAsync(20_000);
    await reply("Tracking: <b>ZX-1</b>");
    await runScheduled();

    expect(emails()).toHaveLength(1);
    const [{ call, body }] = emails() as [ReturnType<typeof emails>[number]];
    expect(call.url).toBe(`${PROVIDER}/emails`);
    expect(call.headers.get("Authorization")).toBe("Bearer re_test_key");
    expect(call.headers.get("Idempotency-Key")).toMatch(/^reply-email\//);
    expect(body).toMatchObject({ from: "Acme Support <support@acme.test>", to: ["pat@example.com"], subject: "2 new replies from Acme" });
    expect(body.text).toContain("It left our warehouse **today**.");
    expect(body.text).toContain("Tracking: <b>ZX-1</b>");
    expect(body.html).toContain("Tracking: &lt;b&gt;ZX-1&lt;/b&gt;");
    expect(body.html).not.toContain("<b>ZX-1");
    const [delivery] = await t.run((ctx) => ctx.db.query("deliveries").collect());
    expect(delivery).toMatchObject({ kind: "email", status: "succeeded", attempts: 1 });
    // The API key is sealed in the log, never stored in clear.
    expect(JSON.stringify(delivery)).not.toContain("re_test_key");

    // Running the batch again (a duplicate scheduled run) sends nothing more.
    const { conversationId } = (await t.run((ctx) => ctx.db.query("replyEmails").first()))!;
    await t.action(internal.replyEmails.send, { conversationId });
    await runScheduled();
    expect(emails()).toHaveLength(1);

    // A later reply is a new email with only that reply.
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    await reply("Delivered!");
    await runScheduled();
    expect(emails()).toHaveLength(2);
    expect(emails()[1]!.body.text).toContain("Delivered!");
    expect(emails()[1]!.body.text).not.toContain("warehouse");
  });

  test("a provider that fails is retried with backoff; the email goes once it answers", async () => {
    let failures = 2;
    receiver = fakeReceiver(() => (failures-- > 0 ? 503 : 200));
    const { reply } = await conversationWith({ email: "pat@example.com" });
    await reply("Sorry for the wait");
    await runScheduled();
    expect(receiver.calls).toHaveLength(3);
    const [delivery] = await t.run((ctx) => ctx.db.query("deliveries").collect());
    expect(delivery).toMatchObject({ kind: "email", status: "succeeded", attempts: 3 });
  });

  test("no email when the visitor read the reply, is still on the site, or has no address", async () => {
    const read = await conversationWith({ email: "pat@example.com" });
    await read.reply("Seen in time");
    await t.mutation(api.conversations.markAsRead, { sessionToken: read.visitor.sessionToken, conversationId: read.ids.conversationId });
    await runScheduled();
    expect(receiver.calls).toHaveLength(0);

    t = newBackend();
    // On the site when the batch is due: it waits, and reading it meanwhile settles it.
    const present = await conversationWith({ email: "sam@example.com", away: false });
    await present.reply("You are here");
    await vi.advanceTimersByTimeAsync(61_000);
    expect(receiver.calls).toHaveLength(0);
    await t.mutation(api.conversations.markAsRead, { sessionToken: present.visitor.sessionToken, conversationId: present.ids.conversationId });
    await runScheduled();
    expect(receiver.calls).toHaveLength(0);

    t = newBackend();
    const anonymous = await conversationWith({});
    await anonymous.reply("Nowhere to send this");
    await runScheduled();
    expect(receiver.calls).toHaveLength(0);
    expect(await t.run((ctx) => ctx.db.query("replyEmails").first())).toMatchObject({ emailsSent: 0 });
  });

  test("a visitor who stays on the site without reading gets the email once they leave", async () => {
    const { reply } = await conversationWith({ email: "pat@example.com", away: false });
    await reply("Are you still there?");
    await vi.advanceTimersByTimeAsync(61_000);
    expect(receiver.calls).toHaveLength(0);
    // They stop being seen: after the connected window, the next look sends it.
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    await runScheduled();
    expect(emails().map((email) => email.body.to)).toEqual([["pat@example.com"]]);
  });

  test("a provider URL that is not a URL closes the batch instead of leaving it stuck", async () => {
    vi.stubEnv("OPENCOM_EMAIL_API_URL", "not a url");
    const { reply } = await conversationWith({ email: "pat@example.com" });
    await reply("Hello");
    await runScheduled();
    expect(receiver.calls).toHaveLength(0);
    const row = await t.run((ctx) => ctx.db.query("replyEmails").first());
    expect(row).toMatchObject({ emailsSent: 0 });
    expect(row?.dueAt).toBeUndefined();
    // Fixed, the next reply goes out.
    vi.stubEnv("OPENCOM_EMAIL_API_URL", PROVIDER);
    await reply("Hello again");
    await runScheduled();
    expect(emails().map((email) => email.body.text)).toEqual([expect.stringContaining("Hello again")]);
  });

  test("nothing is scheduled while email is not configured", async () => {
    vi.stubEnv("OPENCOM_EMAIL_API_URL", "");
    const { reply } = await conversationWith({ email: "pat@example.com" });
    await reply("Hello");
    await runScheduled();
    expect(receiver.calls).toHaveLength(0);
    expect(await t.run((ctx) => ctx.db.query("replyEmails").collect())).toEqual([]);
  });
});
