import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Id } from "../../../convex/_generated/dataModel";
import type { TestBackend } from "../helpers";
import { useAuthEnvironment } from "../inbox/support";
import { developmentEnv, fakeReceiver } from "../outgoing/support";
import { createGateway, gatewayBackend, inbound, post, rest, sign, storedCounts, type Gateway } from "./support";

useAuthEnvironment();

let t: TestBackend;
let workspaceId: Id<"workspaces">;
let gateway: Gateway;
const NOTHING = { visitors: 0, conversations: 0, messages: 0, chats: 0, uploads: 0 };

beforeEach(async () => {
  ({ t, workspaceId } = await gatewayBackend());
  gateway = await createGateway(t);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("a message", () => {
  test("opens a new chat in the gateway's support team", async () => {
    const teamId = await t.run((ctx) => ctx.db.insert("supportTeams", { workspaceId, name: "Viber desk", createdAt: Date.now(), updatedAt: Date.now() }));
    const routed = await createGateway(t, { name: "Routed bridge", routing: { type: "team", teamId } });
    expect(await post(t, routed.uri, inbound("r1", {}, "routed-chat"), routed.appSecret)).toMatchObject({ status: 200 });
    const conversation = await t.run(async (ctx) => (await ctx.db.query("conversations").collect())[0]);
    expect(conversation?.supportTeamId).toBe(teamId);
  });

  test("opens the chat's conversation as a contact of the sender's platform, then continues it; a repeated id is stored once", async () => {
    expect(await post(t, gateway.uri, inbound("m1"), gateway.appSecret)).toEqual({ status: 200, json: { success: true } });
    expect(await post(t, gateway.uri, inbound("m2", { metadata: { plan: "gold" } }), gateway.appSecret)).toMatchObject({ status: 200 });
    expect(await post(t, gateway.uri, inbound("m2"), gateway.appSecret)).toEqual({ status: 200, json: { success: true } });
    expect(await storedCounts(t)).toEqual({ visitors: 1, conversations: 1, messages: 2, chats: 1, uploads: 0 });
    const { chat, visitor, messages } = await t.run(async (ctx) => {
      const chat = (await ctx.db.query("gatewayChats").first())!;
      return { chat, visitor: await ctx.db.get("visitors", chat.visitorId), messages: await ctx.db.query("messages").collect() };
    });
    expect(chat).toMatchObject({ chatId: "chat-1", platform: "viber", sender: { name: "John Doe", nickname: "johnny" } });
    expect(chat.metadata).toEqual({ extra_var: "my_value", plan: "gold" });
    expect(visitor?.name).toBe("John Doe");
    expect(messages.map((message) => [message.senderType, message.body])).toEqual([
      ["visitor", "Hi! message m1"],
      ["visitor", "Hi! message m2"],
    ]);
    // Another chat of the same sender is a conversation of its own.
    await post(t, gateway.uri, inbound("m1", {}, "chat-2"), gateway.appSecret);
    expect(await storedCounts(t)).toMatchObject({ visitors: 1, conversations: 2, messages: 3, chats: 2 });
  });

  test("a message's date is its time, bounded by the clock, and never before the chat's newest message", async () => {
    const now = Date.now();
    const hourAgo = now - 60 * 60_000;
    expect(await post(t, gateway.uri, inbound("d1", { date: hourAgo }), gateway.appSecret)).toMatchObject({ status: 200 });
    // Sent after d1 but dated before it: stored at d1's time, below it, so the chat keeps the service's order.
    expect(await post(t, gateway.uri, inbound("d2", { date: hourAgo - 30 * 60_000 }), gateway.appSecret)).toMatchObject({ status: 200 });
    expect(await post(t, gateway.uri, inbound("d3", { date: undefined }), gateway.appSecret)).toMatchObject({ status: 200 });
    const messages = await t.run(async (ctx) => await ctx.db.query("messages").withIndex("by_conversation_created").collect());
    expect(messages.map((message) => message.body)).toEqual(["Hi! message d1", "Hi! message d2", "Hi! message d3"]);
    expect(messages[0]?.createdAt).toBe(hourAgo);
    expect(messages[1]?.createdAt).toBe(hourAgo);
    expect(messages[2]?.createdAt).toBeGreaterThanOrEqual(now);

    const future = await post(t, gateway.uri, inbound("d4", { date: Date.now() + 10 * 60_000 }), gateway.appSecret);
    expect(future).toMatchObject({ status: 400, json: { success: false, field: "message.date", error: expect.stringMatching(/future/) } });
    const ancient = await post(t, gateway.uri, inbound("d5", { date: Date.now() - 8 * 24 * 60 * 60_000 }), gateway.appSecret);
    expect(ancient).toMatchObject({ status: 400, json: { success: false, field: "message.date", error: expect.stringMatching(/7 days/) } });
    expect(await storedCounts(t)).toMatchObject({ messages: 3 });
    // Inside the skew: clock drift, stored at our time, never in the future.
    expect(await post(t, gateway.uri, inbound("d6", { date: Date.now() + 60_000 }), gateway.appSecret)).toMatchObject({ status: 200 });
    const drifted = await t.run(async (ctx) => (await ctx.db.query("messages").collect()).find((message) => message.body === "Hi! message d6"));
    expect(drifted?.createdAt).toBeLessThanOrEqual(Date.now());
  });

  test("close closes the conversation; an unknown chat is a 404 naming close.chatId", async () => {
    await post(t, gateway.uri, inbound("m1"), gateway.appSecret);
    expect(await post(t, gateway.uri, { close: { chatId: "chat-1" } }, gateway.appSecret)).toEqual({ status: 200, json: { success: true } });
    const status = await t.run(async (ctx) => (await ctx.db.query("conversations").first())?.status);
    expect(status).toBe("closed");
    const unknown = await post(t, gateway.uri, { close: { chatId: "nope" } }, gateway.appSecret);
    expect(unknown).toMatchObject({ status: 404, json: { success: false, field: "close.chatId" } });
  });

  test("a file is fetched and stored as an upload is: its bytes decide the type", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    // A PNG that is also a web page: refused as an upload would be.
    const polyglot = Buffer.concat([png.subarray(0, 8), Buffer.from("<html><script>alert(1)</script></html>")]);
    const fetched: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      fetched.push(url);
      return new Response(url.endsWith("/page.png") ? polyglot : png);
    });
    const file = { url: "http://127.0.0.1:9/files/photo.png", mime: "image/png", size: png.length, name: "photo.png" };
    expect(await post(t, gateway.uri, inbound("m1", { text: undefined, file }), gateway.appSecret)).toMatchObject({ status: 200 });
    const upload = await t.run(async (ctx) => await ctx.db.query("uploads").first());
    expect(upload?.attachment).toMatchObject({ name: "photo.png", contentType: "image/png", size: png.length });
    expect(upload?.messageId).toBeDefined();
    const page = await post(t, gateway.uri, inbound("m2", { file: { ...file, url: "http://127.0.0.1:9/files/page.png" } }), gateway.appSecret);
    expect(page).toMatchObject({ status: 400, json: { success: false, field: "message.file" } });
    expect(await storedCounts(t)).toMatchObject({ messages: 1, uploads: 1 });
    expect(fetched).toEqual(["http://127.0.0.1:9/files/photo.png", "http://127.0.0.1:9/files/page.png"]);
    // A repeat of a stored message is not fetched again.
    expect(await post(t, gateway.uri, inbound("m1", { text: undefined, file }), gateway.appSecret)).toMatchObject({ status: 200 });
    expect(fetched).toHaveLength(2);
  });

  test("a file on a private address is refused outside development, naming message.file.url", async () => {
    developmentEnv(false);
    const file = { url: "http://169.254.169.254/latest/meta-data", mime: "image/png", size: 10, name: "x.png" };
    const refused = await post(t, gateway.uri, inbound("m1", { file }), gateway.appSecret);
    expect(refused).toMatchObject({ status: 400, json: { field: "message.file.url" } });
    expect(refused.json.error).toMatch(/link-local/);
    expect(await storedCounts(t)).toEqual(NOTHING);
  });
});

describe("refused with nothing stored", () => {
  test("a missing, a wrong, or an old (regenerated) signature is a 401", async () => {
    const body = JSON.stringify(inbound("m1"));
    expect(await post(t, gateway.uri, body, null)).toMatchObject({ status: 401, json: { success: false, field: "X-Opencom-Sign" } });
    expect(await post(t, gateway.uri, body, "not-the-secret-at-all")).toMatchObject({ status: 401 });
    // A signature over another body (one byte changed) does not carry over.
    const response = await t.fetch(new URL(gateway.uri).pathname, {
      method: "POST",
      headers: { "X-Opencom-Sign": sign(gateway.appSecret, body) },
      body: body.replace("m1", "m9"),
    });
    expect(response.status).toBe(401);
    const regenerated = await rest(t, "POST", `/api/v1/gateways/${gateway.id}/secret`);
    expect(regenerated.json.data.appSecret).not.toBe(gateway.appSecret);
    expect(await post(t, gateway.uri, body, gateway.appSecret)).toMatchObject({ status: 401 });
    expect(await storedCounts(t)).toEqual(NOTHING);
    expect(await post(t, gateway.uri, body, regenerated.json.data.appSecret)).toMatchObject({ status: 200 });
  });

  test("an unknown URI, or the old one after regeneration, is a 404", async () => {
    const body = inbound("m1");
    expect((await post(t, `${gateway.uri.slice(0, -4)}AAAA`, body, gateway.appSecret)).status).toBe(404);
    expect((await post(t, "https://x.example/gateway/short", body, gateway.appSecret)).status).toBe(404);
    const moved = await rest(t, "POST", `/api/v1/gateways/${gateway.id}/uri`);
    expect(moved.json.data.uri).not.toBe(gateway.uri);
    expect(await post(t, gateway.uri, body, gateway.appSecret)).toMatchObject({ status: 404, json: { success: false } });
    expect(await storedCounts(t)).toEqual(NOTHING);
    expect((await post(t, moved.json.data.uri, body, gateway.appSecret)).status).toBe(200);
  });

  test("malformed JSON, unknown shapes and fields over their size are 400s that name the field", async () => {
    const cases: Array<[unknown, string]> = [
      ['{"message": {"id": ', "body"],
      [{ hello: 1 }, "body"],
      [inbound("m1", { text: "x".repeat(5001) }), "message.text"],
      [inbound("m1", { chatId: "c".repeat(201) }), "message.chatId"],
      [{ message: { ...inbound("m1").message, sender: { id: "s".repeat(201) } } }, "message.sender.id"],
      [{ message: { ...inbound("m1").message, sender: { id: "a", name: "n".repeat(201) } } }, "message.sender.name"],
      [inbound("m1", { metadata: { k: "v".repeat(1001) } }), "message.metadata.k"],
      [inbound("m1", { text: "" }), "message.text"],
      [inbound("m1", { surprise: true }), "message"],
      [inbound("m1", { file: { url: "not a url", mime: "image/png", size: 1 } }), "message.file.url"],
    ];
    for (const [body, field] of cases) {
      const answer = await post(t, gateway.uri, body, gateway.appSecret);
      expect(answer.status, `${field}: ${JSON.stringify(answer.json)}`).toBe(400);
      expect(answer.json).toMatchObject({ success: false, field });
      expect(answer.json.error).toContain(field);
    }
    const huge = await post(t, gateway.uri, inbound("m1", { metadata: { a: "x".repeat(70_000) } }), gateway.appSecret);
    expect(huge).toMatchObject({ status: 413, json: { field: "body" } });
    expect(await storedCounts(t)).toEqual(NOTHING);
  });
});

test("a broadcast report marks the failed recipients with their reason", async () => {
  fakeReceiver(() => 200);
  const sent = await rest(t, "POST", `/api/v1/gateways/${gateway.id}/broadcasts`, {
    recipients: [{ id: "u1", type: "telegram" }, { id: "u2", type: "telegram" }],
    text: "Our shop opens at 9 tomorrow",
  });
  expect(sent.status).toBe(202);
  const report = { broadcast: { eventId: sent.json.data.eventId, recipients: [{ id: "u2", type: "telegram", error: "bot was blocked by the user" }] } };
  expect(await post(t, gateway.uri, report, gateway.appSecret)).toEqual({ status: 200, json: { success: true } });
  const listed = await rest(t, "GET", `/api/v1/gateways/${gateway.id}/broadcasts`);
  expect(listed.json.data[0].recipients).toEqual([
    { id: "u1", type: "telegram", status: "sent", error: null },
    { id: "u2", type: "telegram", status: "failed", error: "bot was blocked by the user" },
  ]);
  const unknown = await post(t, gateway.uri, { broadcast: { eventId: "nope" } }, gateway.appSecret);
  expect(unknown).toMatchObject({ status: 404, json: { field: "broadcast.eventId" } });
  void workspaceId;
});
