import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { verifyOpencomSignature } from "../../../convex/lib/signatures";
import {
  bootVisitor,
  createWorkspace,
  newBackend,
  type TestBackend,
} from "../helpers";
import { rest as restAs, type RestResult } from "../messenger/support";
import {
  developmentEnv,
  fakeReceiver,
  type ReceivedCall,
  type Reply,
} from "../outgoing/support";

const KEY = "oc_live_bot-tests-key-00000000000000000";
const BOT_URL = "http://127.0.0.1:9/bot";
const ASK = "11111111-1111-4111-8111-111111111111";
const CALL = "22222222-2222-4222-8222-222222222222";
const THANKS = "33333333-3333-4333-8333-333333333333";
const HANDOFF = "44444444-4444-4444-8444-444444444444";

const rest = (
  t: TestBackend,
  method: string,
  path: string,
  body?: unknown,
): Promise<RestResult> => restAs(t, method, path, body, KEY);

let t: TestBackend;
let workspaceId: Id<"workspaces">;

beforeEach(async () => {
  developmentEnv();
  vi.stubEnv(
    "OPENCOM_OUTGOING_POLICY",
    JSON.stringify({
      bot: {
        timeoutMs: 100,
        maxAttempts: 2,
        backoffBaseMs: 5,
        backoffCapMs: 10,
        giveUpAfterMs: 2000,
      },
    }),
  );
  t = newBackend();
  workspaceId = await createWorkspace(t);
  await t.mutation(internal.apiKeys.createWithKey, {
    workspaceId,
    name: "tests",
    key: KEY,
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

/** A bot server: answers the verification GET by echoing the challenge, and POSTs with `answer`. */
function botServer(answer: (call: ReceivedCall, index: number) => Reply) {
  return fakeReceiver((index, call) => {
    const url = new URL(call.url);
    if (call.method === "GET")
      return { status: 200, body: url.searchParams.get("challenge") ?? "" };
    return answer(call, index);
  });
}

function storyWith(webhookId: string) {
  return {
    name: "Orders",
    startNodeId: ASK,
    nodes: [
      {
        id: ASK,
        name: "Ask",
        type: "QUESTION",
        text: "Your order number?",
        attribute: "order",
        next: CALL,
      },
      {
        id: CALL,
        name: "Look up",
        type: "WEBHOOK",
        webhookId,
        routes: [{ if: { attribute: "vip", equals: "yes" }, next: HANDOFF }],
        next: THANKS,
      },
      {
        id: THANKS,
        name: "Thanks",
        type: "RESPONSES",
        responses: [{ type: "text", message: "Anything else?" }],
      },
      { id: HANDOFF, name: "VIP desk", type: "HANDOFF" },
    ],
  };
}

async function setUp(answer: (call: ReceivedCall, index: number) => Reply) {
  const receiver = botServer(answer);
  const first = await rest(t, "POST", "/api/v1/bot/stories", {
    name: "Placeholder",
    startNodeId: HANDOFF,
    nodes: [{ id: HANDOFF, name: "H", type: "HANDOFF" }],
  });
  expect(first.status).toBe(201);
  const storyId: string = first.json.data.id;
  const created = await rest(t, "POST", "/api/v1/integrations/webhook", {
    storyId,
    name: "Orders bot",
    url: BOT_URL,
    token: "tok-1",
    headers: { "x-api-key": "k" },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const connectionId: string = created.json.id;
  expect(
    (
      await rest(
        t,
        "PUT",
        `/api/v1/bot/stories/${storyId}`,
        storyWith(connectionId),
      )
    ).status,
  ).toBe(200);
  expect(
    (await rest(t, "PUT", "/api/v1/bot/active-story", { storyId })).status,
  ).toBe(200);
  return { receiver, storyId, connectionId };
}

async function messagesOf(sessionToken: string, conversationId: string) {
  return await t.query(api.messages.list, { sessionToken, conversationId });
}

async function runOf(conversationId: string) {
  return await t.run(
    async (ctx) =>
      await ctx.db
        .query("botRuns")
        .filter((q) => q.eq(q.field("conversationId"), conversationId))
        .unique(),
  );
}

async function settle(conversationId: string) {
  await vi.waitFor(
    async () =>
      expect((await runOf(conversationId))?.status).not.toBe("calling"),
    { timeout: 5000, interval: 10 },
  );
}

async function converse(answer: (call: ReceivedCall, index: number) => Reply) {
  const setup = await setUp(answer);
  const visitor = await bootVisitor(t, "visitor-1");
  const sent = await t.mutation(api.messages.send, {
    sessionToken: visitor.sessionToken,
    body: "Hi",
    clientMessageId: "c1",
  });
  await t.mutation(api.messages.send, {
    sessionToken: visitor.sessionToken,
    conversationId: sent.conversationId,
    body: "A-42",
    clientMessageId: "c2",
  });
  await settle(sent.conversationId);
  return { ...setup, visitor, conversationId: sent.conversationId };
}

describe("connections", () => {
  test("create verifies the URL with a challenge and the token; GET shows the secrets; list does not", async () => {
    const { receiver, connectionId } = await setUp(() => 200);
    const verification = new URL(receiver.calls[0]?.url ?? "");
    expect(verification.searchParams.get("token")).toBe("tok-1");
    expect(verification.searchParams.get("challenge")).toMatch(
      /^[0-9a-f]{32}$/,
    );
    const detail = await rest(
      t,
      "GET",
      `/api/v1/integrations/webhook/${connectionId}`,
    );
    expect(detail.json).toMatchObject({
      id: connectionId,
      name: "Orders bot",
      url: BOT_URL,
      token: "tok-1",
      headers: { "x-api-key": "k" },
      error: null,
    });
    const listed = await rest(t, "GET", "/api/v1/integrations/webhook");
    expect(listed.json).toHaveLength(1);
    expect(listed.json[0].token).toBeUndefined();
    const stored = await t.run(async (ctx) =>
      JSON.stringify(await ctx.db.query("botConnections").collect()),
    );
    expect(stored).not.toContain("tok-1");
  });

  test("a URL that does not echo the challenge is refused naming url", async () => {
    fakeReceiver(() => ({ status: 200, body: "hello" }));
    const story = await rest(t, "POST", "/api/v1/bot/stories", {
      name: "S",
      startNodeId: HANDOFF,
      nodes: [{ id: HANDOFF, name: "H", type: "HANDOFF" }],
    });
    const refused = await rest(t, "POST", "/api/v1/integrations/webhook", {
      storyId: story.json.data.id,
      name: "B",
      url: BOT_URL,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.fields).toHaveProperty("url");
  });

  test("the seed's sizes: name 128, 1 to 10 headers", async () => {
    botServer(() => 200);
    const story = await rest(t, "POST", "/api/v1/bot/stories", {
      name: "S",
      startNodeId: HANDOFF,
      nodes: [{ id: HANDOFF, name: "H", type: "HANDOFF" }],
    });
    const body = (over: object) => ({
      storyId: story.json.data.id,
      name: "B",
      url: BOT_URL,
      ...over,
    });
    const createdWith = async (over: object) => (await rest(t, "POST", "/api/v1/integrations/webhook", body(over))).status;
    const headers = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-h${i}`, "v"]));
    expect(await createdWith({ name: "n".repeat(128) })).toBe(201);
    expect(await createdWith({ name: "n".repeat(129) })).toBe(400);
    expect(await createdWith({ headers: headers(10) })).toBe(201);
    expect(await createdWith({ headers: headers(11) })).toBe(400);
    expect(await createdWith({ headers: {} })).toBe(400);
    expect(await createdWith({ token: "t".repeat(1025) })).toBe(400);
  });

  test("an invalid story is refused naming the node path", async () => {
    const story = storyWith("x");
    const broken = {
      ...story,
      nodes: story.nodes.map((node) =>
        node.id === THANKS
          ? { ...node, next: "55555555-5555-4555-8555-555555555555" }
          : node,
      ),
    };
    const refused = await rest(t, "POST", "/api/v1/bot/stories", broken);
    expect(refused.status).toBe(400);
    expect(refused.json.error.fields).toHaveProperty(["nodes[2].next"]);
  });
});

describe("a conversation with the bot", () => {
  test("asks, calls the webhook with the protocol's body, plays the answer and follows the route", async () => {
    const { receiver, visitor, conversationId, connectionId } = await converse(
      () => ({
        status: 200,
        body: JSON.stringify({
          responses: [
            { type: "randomText", delay: 100, messages: ["Found it."] },
            {
              type: "quickReplies",
              delay: 100,
              title: "Track it?",
              buttons: [{ type: "postback", title: "Yes", value: "track" }],
            },
          ],
          attributes: { vip: "no", plan: "gold" },
        }),
      }),
    );
    const post = receiver.calls.find((call) => call.method === "POST");
    expect(post).toBeDefined();
    const body = JSON.parse(post?.body ?? "{}");
    expect(body).toMatchObject({
      chatId: conversationId,
      node: {
        id: CALL,
        name: "Look up",
        type: "WEBHOOK",
        webhookId: connectionId,
        webhookName: "Orders bot",
      },
    });
    expect(body.attributes).toMatchObject({
      order: "A-42",
      last_message: "A-42",
    });
    expect(body.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(post?.url ?? "").searchParams.get("token")).toBe("tok-1");
    expect(post?.headers.get("x-api-key")).toBe("k");
    const detail = await rest(
      t,
      "GET",
      `/api/v1/integrations/webhook/${connectionId}`,
    );
    const signature = {
      header: post?.headers.get("Opencom-Signature") ?? "",
      body: post?.body ?? "",
      secrets: [detail.json.signingSecret],
      nowSeconds: Date.now() / 1000,
    };
    expect(await verifyOpencomSignature(signature)).toMatchObject({ ok: true });

    const shown = (
      await messagesOf(visitor.sessionToken, conversationId)
    ).filter((m) => m.senderType === "bot");
    expect(shown.map((m) => m.body)).toEqual([
      "Your order number?",
      "Found it.",
      "Track it?",
    ]);
    const run = await runOf(conversationId);
    expect(run).toMatchObject({
      status: "waiting_choice",
      attributes: { order: "A-42", vip: "no", plan: "gold" },
    });

    const quick = shown[2];
    await t.mutation(api.bots.choose, {
      sessionToken: visitor.sessionToken,
      conversationId,
      messageId: quick?._id ?? "",
      buttonIndex: 0,
    });
    const after = await messagesOf(visitor.sessionToken, conversationId);
    expect(after.map((m) => m.body).slice(-2)).toEqual([
      "Yes",
      "Anything else?",
    ]);
    expect((await runOf(conversationId))?.attributes["last_message"]).toBe(
      "track",
    );
  });

  test("a returned attribute routes to the hand-off", async () => {
    const { conversationId } = await converse(() => ({
      status: 200,
      body: JSON.stringify({ attributes: { vip: "yes" } }),
    }));
    expect(await runOf(conversationId)).toMatchObject({
      status: "handed_off",
      attributes: { vip: "yes" },
    });
  });

  test.each([
    ["404", (): Reply => 404, "Request failed with status code 404"],
    ["a timeout", (): Reply => "hang", "Timed out after 100 ms"],
    [
      "invalid JSON",
      (): Reply => ({ status: 200, body: "{nope" }),
      "not valid JSON",
    ],
    [
      "an invalid response",
      (): Reply => ({
        status: 200,
        body: JSON.stringify({
          responses: [
            { type: "text", message: "ok" },
            { type: "text", message: "ok" },
            {
              type: "buttons",
              title: "T",
              buttons: [{ type: "postback", title: "x", value: "" }],
            },
          ],
        }),
      }),
      "responses[2].buttons[0].value",
    ],
  ])(
    "%s hands off and the connection's error says why",
    async (_name, answer, why) => {
      const { conversationId, visitor, connectionId } = await converse(answer);
      expect(await runOf(conversationId)).toMatchObject({
        status: "handed_off",
      });
      const texts = (
        await messagesOf(visitor.sessionToken, conversationId)
      ).map((m) => `${m.senderType}:${m.body}`);
      expect(texts.at(-1)).toMatch(
        /^system:You're being connected with the team/,
      );
      // Nothing partial of an invalid answer is shown.
      expect(texts.filter((text) => text === "bot:ok")).toHaveLength(0);
      const detail = await rest(
        t,
        "GET",
        `/api/v1/integrations/webhook/${connectionId}`,
      );
      expect(detail.json.error).toContain(why);
    },
  );

  test("a timeout is retried with backoff; 5xx too; the same messageId each time", async () => {
    const { receiver, conversationId } = await converse((_call, index) =>
      index === 1 ? 503 : { status: 200, body: "{}" },
    );
    const posts = receiver.calls.filter((call) => call.method === "POST");
    expect(posts).toHaveLength(2);
    expect(JSON.parse(posts[0]?.body ?? "").messageId).toBe(
      JSON.parse(posts[1]?.body ?? "").messageId,
    );
    expect(await runOf(conversationId)).toMatchObject({ status: "finished" });
  });

  test("Talk to a person hands off while the bot waits", async () => {
    await setUp(() => 200);
    const visitor = await bootVisitor(t, "visitor-2");
    const sent = await t.mutation(api.messages.send, {
      sessionToken: visitor.sessionToken,
      body: "Hi",
      clientMessageId: "c1",
    });
    expect(
      await t.query(api.bots.stateForVisitor, {
        sessionToken: visitor.sessionToken,
        conversationId: sent.conversationId,
      }),
    ).toEqual({ botActive: true });
    await t.mutation(api.bots.talkToPerson, {
      sessionToken: visitor.sessionToken,
      conversationId: sent.conversationId,
    });
    expect(
      await t.query(api.bots.stateForVisitor, {
        sessionToken: visitor.sessionToken,
        conversationId: sent.conversationId,
      }),
    ).toEqual({ botActive: false });
    expect(await runOf(sent.conversationId)).toMatchObject({
      status: "handed_off",
      handoffReason: "The visitor asked for a person.",
    });
  });
});
