import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { verifyOpencomSignature } from "../../../convex/lib/signatures";
import { bootVisitor, createWorkspace, newBackend, type TestBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";
import { rest as restAs, type RestResult } from "../messenger/support";
import { developmentEnv, fakeReceiver, type ReceivedCall } from "./support";

const KEY = "oc_live_webhook-tests-key-000000000000";
const OTHER_KEY = "oc_live_webhook-tests-other-key-00000";
const HOOK = "http://127.0.0.1:9/hooks/opencom";

const rest = (t: TestBackend, method: string, path: string, body?: unknown, key = KEY): Promise<RestResult> =>
  restAs(t, method, path, body, key);

useAuthEnvironment();

let t: TestBackend;
let workspaceId: Id<"workspaces">;

beforeEach(async () => {
  developmentEnv();
  vi.stubEnv("OPENCOM_OUTGOING_POLICY", JSON.stringify({ webhook: { timeoutMs: 200, maxAttempts: 2, backoffBaseMs: 5, backoffCapMs: 10 } }));
  t = newBackend();
  workspaceId = await createWorkspace(t);
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "tests", key: KEY });
  const other = await createWorkspace(t, { publicId: "other" });
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId: other, name: "tests", key: OTHER_KEY });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

async function subscribe(events: string[] = ["*"], url = HOOK): Promise<{ id: string; secret: string }> {
  const created = await rest(t, "POST", "/api/v1/webhooks", { url, events, description: "CRM sync" });
  expect(created.status).toBe(201);
  return created.json.data;
}

/** Waits until the receiver has `count` calls and every delivery in the workspace has settled. */
async function received(receiver: { calls: ReceivedCall[] }, count: number): Promise<ReceivedCall[]> {
  await vi.waitFor(
    async () => {
      expect(receiver.calls.length).toBeGreaterThanOrEqual(count);
      const open = await t.run(async (ctx) =>
        (await ctx.db.query("deliveries").collect()).filter((row) => row.status !== "succeeded" && row.status !== "dead"),
      );
      expect(open).toHaveLength(0);
    },
    { timeout: 5000, interval: 10 },
  );
  return receiver.calls;
}

const eventOf = (call: ReceivedCall) => JSON.parse(call.body) as { id: string; type: string; created: number; data: any };

describe("subscriptions over REST", () => {
  test("create shows the secret once; read and list never do", async () => {
    const created = await subscribe(["message.created", "conversation.closed"]);
    expect(created).toMatchObject({ url: HOOK, events: ["message.created", "conversation.closed"], description: "CRM sync", enabled: true });
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);
    const read = await rest(t, "GET", `/api/v1/webhooks/${created.id}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.json)).not.toContain(created.secret);
    expect(read.json.data.secrets).toEqual([{ hint: created.secret.slice(-4), createdAt: expect.any(Number), expiresAt: null }]);
    const stored = JSON.stringify(await t.run(async (ctx) => ctx.db.query("webhookSubscriptions").collect()));
    expect(stored).not.toContain(created.secret);
    expect((await rest(t, "GET", "/api/v1/webhooks")).json.data).toHaveLength(1);
  });

  test("bad input is refused naming the field; other workspaces see nothing", async () => {
    const badEvent = await rest(t, "POST", "/api/v1/webhooks", { url: HOOK, events: ["message.created", "message.deleted"] });
    expect(badEvent.status).toBe(400);
    expect(badEvent.json.error.fields).toEqual({ "events.1": expect.stringContaining('Unknown event "message.deleted"') });
    const noEvents = await rest(t, "POST", "/api/v1/webhooks", { url: HOOK, events: [] });
    expect(Object.keys(noEvents.json.error.fields)).toEqual(["events"]);
    const ftp = await rest(t, "POST", "/api/v1/webhooks", { url: "ftp://example.com", events: ["*"] });
    expect(ftp.json.error.fields).toEqual({ url: "url must use http or https." });
    const extra = await rest(t, "POST", "/api/v1/webhooks", { url: HOOK, events: ["*"], secret: "mine" });
    expect(extra.status).toBe(400);

    const { id } = await subscribe();
    expect((await rest(t, "GET", `/api/v1/webhooks/${id}`, undefined, OTHER_KEY)).status).toBe(404);
    expect((await rest(t, "DELETE", `/api/v1/webhooks/${id}`, undefined, OTHER_KEY)).status).toBe(404);
    expect((await rest(t, "GET", `/api/v1/webhooks/${id}/deliveries`, undefined, OTHER_KEY)).status).toBe(404);
    expect((await rest(t, "GET", "/api/v1/webhooks/not-an-id")).status).toBe(404);
  });

  test("outside development a private or loopback URL is refused at save", async () => {
    developmentEnv(false);
    for (const url of ["http://127.0.0.1:8080/", "http://[::1]/", "http://169.254.169.254/", "http://10.0.0.8/", "http://localhost/"]) {
      const refused = await rest(t, "POST", "/api/v1/webhooks", { url, events: ["*"] });
      expect(refused.status, url).toBe(400);
      expect(refused.json.error.fields.url, url).toMatch(/must not point at a/);
    }
  });

  test("PATCH changes fields; DELETE removes", async () => {
    const { id } = await subscribe();
    const patched = await rest(t, "PATCH", `/api/v1/webhooks/${id}`, { events: ["ticket.created"], enabled: false, description: null });
    expect(patched.json.data).toMatchObject({ events: ["ticket.created"], enabled: false, description: null });
    expect((await rest(t, "PATCH", `/api/v1/webhooks/${id}`, {})).status).toBe(400);
    expect((await rest(t, "DELETE", `/api/v1/webhooks/${id}`)).json.data).toEqual({ id, deleted: true });
    expect((await rest(t, "GET", `/api/v1/webhooks/${id}`)).status).toBe(404);
  });
});

describe("events", () => {
  test("every event type arrives signed, with its id, type and payload", async () => {
    const receiver = fakeReceiver(() => 204);
    const { secret } = await subscribe();
    const alice = await bootVisitor(t, "visitor-alice");
    const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Hello", clientMessageId: "c1" });
    await rest(t, "POST", `/api/v1/conversations/${sent.conversationId}/messages`, { text: "Hi! How can we help?", authorName: "Sam" });
    await t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: { userId: "u-1", email: "alice@example.com" } });
    const ticket = await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Broken", fields: { description: "It broke" } });
    await rest(t, "PATCH", `/api/v1/tickets/${ticket.id}`, { state: "in_progress" });
    await rest(t, "POST", `/api/v1/conversations/${sent.conversationId}/close`);
    await t.mutation(api.csat.submit, { sessionToken: alice.sessionToken, conversationId: sent.conversationId, rating: 5 });

    const calls = await received(receiver, 8);
    const events = calls.map(eventOf).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(events.map((event) => event.type)).toEqual([
      "conversation.created",
      "message.created",
      "message.created",
      "visitor.identified",
      "ticket.created",
      "ticket.state_changed",
      "conversation.closed",
      "csat.submitted",
    ]);
    const [created, visitorMessage, agentMessage, identified, ticketCreated, stateChanged, closed, csat] = events;
    expect(created?.data.conversation).toMatchObject({ id: sent.conversationId, status: "open" });
    expect(visitorMessage?.data).toMatchObject({ author: "visitor", message: { id: sent.messageId, body: "Hello", attachments: [] } });
    expect(agentMessage?.data).toMatchObject({ author: "agent", message: { body: "Hi! How can we help?", senderName: "Sam" } });
    expect(identified?.data.visitor).toMatchObject({ id: alice.visitorId, userId: "u-1", email: "alice@example.com", verified: false });
    expect(ticketCreated?.data.ticket).toMatchObject({ id: ticket.id, state: "submitted", title: "Broken" });
    expect(stateChanged?.data).toMatchObject({ ticket: { state: "in_progress" }, previousState: "submitted" });
    expect(closed?.data.conversation).toMatchObject({ id: sent.conversationId, status: "closed" });
    expect(csat?.data.rating).toMatchObject({ conversationId: sent.conversationId, rating: 5, comment: null });

    for (const call of calls) {
      const event = eventOf(call);
      expect(call.headers.get("opencom-event")).toBe(event.type);
      expect(call.headers.get("opencom-event-id")).toBe(event.id);
      expect(call.headers.get("opencom-delivery-id")).toMatch(/\w+/);
      const verdict = await verifyOpencomSignature({
        header: call.headers.get("opencom-signature") ?? "",
        body: call.body,
        secrets: [secret],
        nowSeconds: Math.floor(Date.now() / 1000),
      });
      expect(verdict).toEqual({ ok: true });
    }
  });

  test("only subscribed events are sent, and nothing at all is written without subscribers", async () => {
    const receiver = fakeReceiver(() => 200);
    const alice = await bootVisitor(t, "visitor-alice");
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Before", clientMessageId: "c0" });
    expect(await t.run(async (ctx) => (await ctx.db.query("webhookEvents").collect()).length)).toBe(0);

    await subscribe(["conversation.closed"]);
    const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "After", clientMessageId: "c1" });
    await rest(t, "POST", `/api/v1/conversations/${sent.conversationId}/close`);
    await rest(t, "POST", `/api/v1/conversations/${sent.conversationId}/close`);
    const calls = await received(receiver, 1);
    expect(calls.map((call) => eventOf(call).type)).toEqual(["conversation.closed"]);
  });

  test("an operator's reply and close in the inbox are events too; reopening is not", async () => {
    const receiver = fakeReceiver(() => 200);
    const alice = await bootVisitor(t, "visitor-alice");
    const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Help", clientMessageId: "c0" });
    await subscribe(["message.created", "conversation.closed"]);
    const agent = (await signedInOperator(t, workspaceId, "agent")).client;
    const conversationId = sent.conversationId;
    await agent.mutation(api.inboxMessages.reply, { workspaceId, conversationId, body: "On it" });
    await agent.mutation(api.inboxConversations.setStatus, { workspaceId, conversationId, status: "closed" });
    await agent.mutation(api.inboxConversations.setStatus, { workspaceId, conversationId, status: "closed" });
    await agent.mutation(api.inboxConversations.setStatus, { workspaceId, conversationId, status: "open" });
    const events = (await received(receiver, 2)).map(eventOf);
    expect(events.map((event) => event.type)).toEqual(["message.created", "conversation.closed"]);
    expect(events[0]?.data).toMatchObject({ author: "agent", message: { body: "On it" } });
    expect(events[1]?.data.conversation).toMatchObject({ id: conversationId, status: "closed" });
  });

  test("an operator's ticket change in the inbox is an event; a priority change alone is not", async () => {
    const receiver = fakeReceiver(() => 200);
    await subscribe(["ticket.state_changed"]);
    const alice = await bootVisitor(t, "visitor-alice");
    const ticket = await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Broken", fields: { description: "It broke" } });
    const agent = (await signedInOperator(t, workspaceId, "agent")).client;
    await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, priority: "HIGH" });
    await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, state: "in_progress" });
    const events = (await received(receiver, 1)).map(eventOf);
    expect(events.map((event) => [event.type, event.data.previousState, event.data.ticket.state])).toEqual([["ticket.state_changed", "submitted", "in_progress"]]);
  });

  test("a retried send (same clientMessageId) is one event", async () => {
    const receiver = fakeReceiver(() => 200);
    await subscribe(["message.created"]);
    const alice = await bootVisitor(t, "visitor-alice");
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Once", clientMessageId: "same" });
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Once", clientMessageId: "same" });
    await received(receiver, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.calls).toHaveLength(1);
  });
});

describe("secret rotation", () => {
  test("during the overlap every call carries a v1 for the new and the old secret; after it, only the new", async () => {
    const receiver = fakeReceiver(() => 200);
    const { id, secret: oldSecret } = await subscribe(["message.created"]);
    const rotated = await rest(t, "POST", `/api/v1/webhooks/${id}/rotate-secret`, { overlapSeconds: 3600 });
    expect(rotated.status).toBe(200);
    const newSecret: string = rotated.json.data.secret;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.json.data.secrets).toHaveLength(2);
    expect(rotated.json.data.secrets[1].expiresAt).toBeGreaterThan(Date.now());

    const alice = await bootVisitor(t, "visitor-alice");
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "One", clientMessageId: "c1" });
    const [call] = await received(receiver, 1);
    const header = call!.headers.get("opencom-signature") ?? "";
    expect(header.match(/v1=/g)).toHaveLength(2);
    const nowSeconds = Math.floor(Date.now() / 1000);
    for (const secret of [oldSecret, newSecret]) {
      expect(await verifyOpencomSignature({ header, body: call!.body, secrets: [secret], nowSeconds })).toEqual({ ok: true });
    }

    const retired = await rest(t, "POST", `/api/v1/webhooks/${id}/rotate-secret`, { overlapSeconds: 0 });
    const latest: string = retired.json.data.secret;
    expect(retired.json.data.secrets).toHaveLength(1);
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Two", clientMessageId: "c2" });
    const second = (await received(receiver, 2))[1]!;
    const onlyNew = second.headers.get("opencom-signature") ?? "";
    expect(onlyNew.match(/v1=/g)).toHaveLength(1);
    expect(await verifyOpencomSignature({ header: onlyNew, body: second.body, secrets: [newSecret], nowSeconds })).toMatchObject({ ok: false });
    expect(await verifyOpencomSignature({ header: onlyNew, body: second.body, secrets: [latest], nowSeconds })).toEqual({ ok: true });
    expect((await rest(t, "POST", `/api/v1/webhooks/${id}/rotate-secret`, { overlapSeconds: -1 })).status).toBe(400);
  });
});

describe("delivery log and replay", () => {
  test("a dead delivery is listed with its attempts; a replay sends the same event again", async () => {
    let healthy = false;
    const receiver = fakeReceiver(() => (healthy ? 200 : { status: 503, body: "maintenance" }));
    const { id } = await subscribe(["message.created"]);
    const alice = await bootVisitor(t, "visitor-alice");
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Hello", clientMessageId: "c1" });
    await received(receiver, 2);

    const dead = await rest(t, "GET", `/api/v1/webhooks/${id}/deliveries?status=dead`);
    expect(dead.status).toBe(200);
    expect(dead.json.data).toHaveLength(1);
    const delivery = dead.json.data[0];
    expect(delivery).toMatchObject({ status: "dead", attempts: 2, lastStatusCode: 503, lastError: "Request failed with status code 503", topic: "message.created" });
    const detail = await rest(t, "GET", `/api/v1/webhooks/${id}/deliveries/${delivery.id}`);
    expect(detail.json.data.log.map((entry: { outcome: string; statusCode: number }) => [entry.outcome, entry.statusCode])).toEqual([
      ["retry", 503],
      ["dead", 503],
    ]);
    expect(detail.json.data.log[0].responseSnippet).toBe("maintenance");
    expect(JSON.parse(detail.json.data.body).type).toBe("message.created");
    expect((await rest(t, "GET", `/api/v1/webhooks/${id}/deliveries?status=lost`)).status).toBe(400);

    healthy = true;
    const replayed = await rest(t, "POST", `/api/v1/webhooks/${id}/deliveries/${delivery.id}/replay`);
    expect(replayed.status).toBe(202);
    expect(replayed.json.data).toMatchObject({ replayOf: delivery.id, status: "queued" });
    const calls = await received(receiver, 3);
    const [first, , replay] = calls;
    expect(replay!.body).toBe(first!.body);
    expect(replay!.headers.get("opencom-event-id")).toBe(first!.headers.get("opencom-event-id"));
    expect(replay!.headers.get("opencom-delivery-id")).toBe(replayed.json.data.id);
    expect(replay!.headers.get("opencom-delivery-id")).not.toBe(first!.headers.get("opencom-delivery-id"));
    const all = await rest(t, "GET", `/api/v1/webhooks/${id}/deliveries`);
    expect(all.json.data.map((row: { status: string }) => row.status)).toEqual(["succeeded", "dead"]);
    expect((await rest(t, "POST", `/api/v1/webhooks/${id}/deliveries/${delivery.id}/replay`, undefined, OTHER_KEY)).status).toBe(404);
  });
});
