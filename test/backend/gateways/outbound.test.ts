import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import type { TestBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";
import { relayToGateway } from "../../../convex/model/gatewayRelay";
import { fakeReceiver, type ReceivedCall } from "../outgoing/support";
import { CALLBACK, createGateway, gatewayBackend, inbound, post, rest, settledCalls, sign, type Gateway } from "./support";

useAuthEnvironment();

let t: TestBackend;
let workspaceId: Id<"workspaces">;
let gateway: Gateway;

beforeEach(async () => {
  ({ t, workspaceId } = await gatewayBackend());
  gateway = await createGateway(t, {
    templates: { memberName: "{{agent.name}} from Acme", agentJoined: "{{agent.name}} joined, hello {{visitor.name}}", chatComplete: "Bye {{visitor.name}} ({{visitor.platform}})" },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

async function openChat(name = "John Doe"): Promise<string> {
  const sender = { id: "sender-1", type: "telegram", name };
  expect((await post(t, gateway.uri, inbound("in-1", { sender }), gateway.appSecret)).status).toBe(200);
  return await t.run(async (ctx) => (await ctx.db.query("gatewayChats").first())!.conversationId);
}

const bodies = (calls: ReceivedCall[]) => calls.map((call) => JSON.parse(call.body) as Record<string, any>);

test("operators' replies, joins and the close reach the callback signed, from the templates, in order", async () => {
  const receiver = fakeReceiver(() => ({ status: 200, body: '{"success": "true"}' }));
  const conversationId = await openChat("<b>Ann</b>");
  const admin = await signedInOperator(t, workspaceId, "admin", "maria@example.com");
  await admin.client.mutation(api.inboxConversations.assign, { workspaceId, conversationId, assigneeId: admin.userId });
  await admin.client.mutation(api.inboxMessages.reply, { workspaceId, conversationId, body: "How can I help?" });
  await rest(t, "POST", `/api/v1/conversations/${conversationId}/messages`, { text: "Sent over REST", authorName: "Bot Bob" });
  await admin.client.mutation(api.inboxConversations.setStatus, { workspaceId, conversationId, status: "closed" });
  const calls = await settledCalls(t, receiver.calls, 5);
  for (const call of calls) {
    expect(call.url).toBe(CALLBACK);
    expect(call.headers.get("X-Opencom-Sign")).toBe(sign(gateway.appSecret, call.body));
  }
  const [joined, reply, restReply, complete, close] = bodies(calls);
  expect(joined?.message).toMatchObject({ chatId: "chat-1", event: "agent_joined", text: "maria joined, hello &lt;b&gt;Ann&lt;/b&gt;" });
  expect(reply?.message).toMatchObject({ chatId: "chat-1", text: "How can I help?", sender: { type: "agent", name: "maria from Acme" } });
  expect(restReply?.message).toMatchObject({ text: "Sent over REST", sender: { name: "Bot Bob from Acme" } });
  expect(complete?.message).toMatchObject({ event: "chat_complete", text: "Bye &lt;b&gt;Ann&lt;/b&gt; (telegram)" });
  expect(close).toEqual({ close: { chatId: "chat-1" } });
  expect(calls).toHaveLength(5);
  const log = await rest(t, "GET", `/api/v1/gateways/${gateway.id}/deliveries`);
  expect(log.json.data.map((row: { topic: string }) => row.topic)).toEqual(["close", "chat_complete", "message", "message", "agent_joined"]);
  expect(log.json.data.every((row: { status: string; latencyMs: number }) => row.status === "succeeded" && row.latencyMs >= 0)).toBe(true);
}, 30_000);

test("the callback down for a while: retries, then every message delivered once and in order", async () => {
  // Down for its first four calls (whatever they are), then back: the timing of a loaded machine does not matter.
  const answered: Array<{ text: string; status: number }> = [];
  const receiver = fakeReceiver((index, call) => {
    const status = index < 4 ? 503 : 200;
    answered.push({ text: (JSON.parse(call.body) as { message: { text: string } }).message.text, status });
    return status;
  });
  const conversationId = await openChat();
  const admin = await signedInOperator(t, workspaceId, "admin");
  for (let n = 1; n <= 5; n++) await admin.client.mutation(api.inboxMessages.reply, { workspaceId, conversationId, body: `reply ${n}` });
  await settledCalls(t, receiver.calls, 9, 15_000);
  // While it was down only the chat's first message was tried, four times: the others waited their turn.
  expect(answered.filter((entry) => entry.status === 503).map((entry) => entry.text)).toEqual(["reply 1", "reply 1", "reply 1", "reply 1"]);
  const delivered = answered.filter((entry) => entry.status === 200).map((entry) => entry.text);
  expect(delivered).toEqual(["reply 1", "reply 2", "reply 3", "reply 4", "reply 5"]);
  const rows = await rest(t, "GET", `/api/v1/gateways/${gateway.id}/deliveries`);
  expect(rows.json.data.every((row: { status: string }) => row.status === "succeeded")).toBe(true);
  expect(rows.json.data.at(-1)).toMatchObject({ attempts: 5, topic: "message" });
  expect(receiver.calls).toHaveLength(9);
}, 30_000);

test("a 2xx answering {success: false, error} is a failure: retried per the policy, logged with the service's error, then delivered once", async () => {
  const receiver = fakeReceiver((index) =>
    index < 2 ? { status: 200, body: JSON.stringify({ success: false, error: "Chat chat-1 is not ready" }) } : { status: 200, body: '{"success": true}' },
  );
  const conversationId = await openChat();
  await rest(t, "POST", `/api/v1/conversations/${conversationId}/messages`, { text: "only once" });
  await settledCalls(t, receiver.calls, 3);
  expect(bodies(receiver.calls).map((body) => body["message"].text)).toEqual(["only once", "only once", "only once"]);
  const attempts = await t.run(async (ctx) => await ctx.db.query("deliveryAttempts").collect());
  expect(attempts.map((row) => [row.outcome, row.statusCode, row.error ?? null])).toEqual([
    ["retry", 200, "The service answered success: false (Chat chat-1 is not ready)"],
    ["retry", 200, "The service answered success: false (Chat chat-1 is not ready)"],
    ["succeeded", 200, null],
  ]);
  const [row] = (await rest(t, "GET", `/api/v1/gateways/${gateway.id}/deliveries`)).json.data as Array<Record<string, unknown>>;
  expect(row).toMatchObject({ status: "succeeded", attempts: 3 });
}, 30_000);

test("dead letters after the attempts are spent; an operator's retry delivers them, still in order", async () => {
  let accepting = false;
  const receiver = fakeReceiver(() => (accepting ? 200 : 503));
  const conversationId = await openChat();
  await rest(t, "POST", `/api/v1/conversations/${conversationId}/messages`, { text: "first" });
  await rest(t, "POST", `/api/v1/conversations/${conversationId}/messages`, { text: "second" });
  const deadRows = async () => (await rest(t, "GET", `/api/v1/gateways/${gateway.id}/deliveries?status=dead`)).json.data as Array<Record<string, any>>;
  await vi.waitFor(async () => expect(await deadRows()).toHaveLength(2), { timeout: 15_000, interval: 20 });
  const [second, first] = await deadRows();
  expect(first).toMatchObject({ kind: "gateway", topic: "message", attempts: 8, lastError: "Request failed with status code 503" });
  // The service was given a new secret meanwhile: the dead letters are retried signed with it.
  const newSecret = (await rest(t, "POST", `/api/v1/gateways/${gateway.id}/secret`)).json.data.appSecret as string;
  accepting = true;
  const before = receiver.calls.length;
  for (const row of [first, second]) {
    expect((await rest(t, "POST", `/api/v1/gateways/${gateway.id}/deliveries/${row!["id"]}/retry`)).status).toBe(202);
  }
  await settledCalls(t, receiver.calls, before + 2);
  expect(bodies(receiver.calls.slice(before)).map((body) => body["message"].text)).toEqual(["first", "second"]);
  for (const call of receiver.calls.slice(before)) expect(call.headers.get("X-Opencom-Sign")).toBe(sign(newSecret, call.body));
  const other = await rest(t, "POST", `/api/v1/gateways/${gateway.id}/deliveries/k5700000000000000000000000000000/retry`);
  expect(other.status).toBe(404);
}, 30_000);

test("an operator's message with files: the first file on the message, each further one as a message of its own", async () => {
  const receiver = fakeReceiver(() => 200);
  const conversationId = (await openChat()) as Id<"conversations">;
  await t.run(async (ctx) => {
    const conversation = (await ctx.db.get("conversations", conversationId))!;
    const attachments = [];
    for (const [index, name] of ["invoice.pdf", "photo.png"].entries()) {
      const storageId = await ctx.storage.store(new Blob(["%PDF-1.4"]));
      const attachment = { storageId, name, contentType: index === 0 ? "application/pdf" : "image/png", size: 8 };
      attachments.push(attachment);
      await ctx.db.insert("uploads", { workspaceId, visitorId: conversation.visitorId, attachment, accessKey: `key-${index}`, createdAt: Date.now() });
    }
    const messageId = await ctx.db.insert("messages", { conversationId, workspaceId, senderType: "agent", senderName: "Maria", body: "Here you go", attachments, createdAt: Date.now() });
    await relayToGateway(ctx, conversationId, { kind: "message", message: (await ctx.db.get("messages", messageId))! });
  });
  const [first, second] = bodies(await settledCalls(t, receiver.calls, 2)).map((body) => body["message"]);
  expect(first).toMatchObject({ text: "Here you go", file: { mime: "application/pdf", size: 8, name: "invoice.pdf", url: expect.stringMatching(/\/widget\/files\/key-0$/) } });
  expect(second).toMatchObject({ id: `${first.id}:1`, text: "", file: { name: "photo.png", url: expect.stringMatching(/\/widget\/files\/key-1$/) } });
});

describe("broadcasts", () => {
  test("the callback receives the broadcast body with its eventId, signed", async () => {
    const receiver = fakeReceiver(() => 200);
    const sent = await rest(t, "POST", `/api/v1/gateways/${gateway.id}/broadcasts`, {
      recipients: [{ id: "u1", type: "telegram" }],
      text: "Sale today",
      metadata: { campaign: "spring" },
    });
    const [call] = await settledCalls(t, receiver.calls, 1);
    expect(JSON.parse(call!.body)).toEqual({
      broadcast: { eventId: sent.json.data.eventId, recipients: [{ id: "u1", type: "telegram" }], text: "Sale today", metadata: { campaign: "spring" } },
    });
    expect(call!.headers.get("X-Opencom-Sign")).toBe(sign(gateway.appSecret, call!.body));
    const bad = await rest(t, "POST", `/api/v1/gateways/${gateway.id}/broadcasts`, { recipients: [], text: "x" });
    expect(bad).toMatchObject({ status: 400, json: { error: { fields: { recipients: expect.any(String) } } } });
  });
});
