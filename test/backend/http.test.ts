import { describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { TEST_ORIGIN, createWorkspace, newBackend, twoVisitors, type TestBackend } from "./helpers";

const KEY = "oc_live_test-key-acme-000000000000000000";

async function restSetup() {
  const t = newBackend();
  const { workspaceId, alice, bob } = await twoVisitors(t);
  const apiKeyId = await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "tests", key: KEY });
  const sent = await t.mutation(api.messages.send, {
    sessionToken: alice.sessionToken,
    body: "Where is my order?",
    clientMessageId: "a-1",
  });
  return { t, workspaceId, alice, bob, apiKeyId, conversationId: sent.conversationId };
}

function call(t: TestBackend, method: string, path: string, body?: unknown, key: string | null = KEY) {
  const headers: Record<string, string> = {};
  if (key !== null) headers["Authorization"] = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  return t.fetch(path, init);
}

async function errorOf(response: Response) {
  const json = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  return json.error;
}

describe("REST authentication", () => {
  test("401 without a key, with an unknown key, and with a revoked key", async () => {
    const { t, apiKeyId } = await restSetup();
    const missing = await call(t, "GET", "/api/v1/conversations", undefined, null);
    expect(missing.status).toBe(401);
    expect(await errorOf(missing)).toMatchObject({ code: "UNAUTHENTICATED" });
    // No Origin, no CORS headers; never the wildcard (see rest/cors.test.ts).
    expect(missing.headers.get("Access-Control-Allow-Origin")).toBeNull();

    expect((await call(t, "GET", "/api/v1/conversations", undefined, "oc_live_wrong")).status).toBe(401);
    const notBearer = await t.fetch("/api/v1/conversations", { headers: { Authorization: `Basic ${KEY}` } });
    expect(notBearer.status).toBe(401);

    await t.mutation(internal.apiKeys.revoke, { apiKeyId });
    expect((await call(t, "GET", "/api/v1/conversations")).status).toBe(401);
  });

  test("a key only sees its own workspace", async () => {
    const { t, conversationId } = await restSetup();
    const otherWorkspaceId = await createWorkspace(t, { publicId: "other" });
    const otherKey = "oc_live_other-workspace-key-00000000000";
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId: otherWorkspaceId, name: "o", key: otherKey });
    const listed = await call(t, "GET", "/api/v1/conversations", undefined, otherKey);
    expect(await listed.json()).toEqual({ data: [], nextCursor: null });
    const messages = await call(t, "GET", `/api/v1/conversations/${conversationId}/messages`, undefined, otherKey);
    expect(messages.status).toBe(404);
  });

  test("answers CORS preflight without a key", async () => {
    const { t } = await restSetup();
    const response = await t.fetch("/api/v1/conversations/abc/messages", {
      method: "OPTIONS",
      headers: { Origin: TEST_ORIGIN },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(TEST_ORIGIN);
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
    expect(response.headers.get("Access-Control-Allow-Methods")).toContain("POST");
  });
});

describe("GET /api/v1/conversations", () => {
  test("lists conversations with visitor, preview and unread counts; filters by status; validates", async () => {
    const { t, conversationId } = await restSetup();
    const response = await call(t, "GET", "/api/v1/conversations");
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Array<Record<string, unknown>> };
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      id: conversationId,
      status: "open",
      lastMessagePreview: "Where is my order?",
      unreadByAgent: 1,
      unreadByVisitor: 0,
      visitor: { userId: null },
    });

    const closed = await call(t, "GET", "/api/v1/conversations?status=closed");
    expect(await closed.json()).toEqual({ data: [], nextCursor: null });

    const badStatus = await call(t, "GET", "/api/v1/conversations?status=pending");
    expect(badStatus.status).toBe(400);
    expect((await errorOf(badStatus)).fields).toHaveProperty("status");
    const badLimit = await call(t, "GET", "/api/v1/conversations?limit=0");
    expect(badLimit.status).toBe(400);
    expect((await errorOf(badLimit)).fields).toHaveProperty("limit");
  });

  test("honours limit, newest activity first", async () => {
    const { t, bob } = await restSetup();
    const later = await t.mutation(api.messages.send, { sessionToken: bob.sessionToken, body: "later", clientMessageId: "b-1" });
    const response = await call(t, "GET", "/api/v1/conversations?limit=1");
    const { data } = (await response.json()) as { data: Array<{ id: string }> };
    expect(data.map((c) => c.id)).toEqual([later.conversationId]);
  });
});

describe("conversation messages over REST", () => {
  test("GET lists the conversation's messages oldest first", async () => {
    const { t, alice, conversationId } = await restSetup();
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, conversationId, body: "Order #12", clientMessageId: "a-2" });
    const response = await call(t, "GET", `/api/v1/conversations/${conversationId}/messages`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Array<Record<string, unknown>> };
    expect(data.map((m) => m["body"])).toEqual(["Where is my order?", "Order #12"]);
    expect(data[0]).toMatchObject({ senderType: "visitor", conversationId });
  });

  test("404 for unknown, malformed and wrong-table ids", async () => {
    const { t, alice, workspaceId } = await restSetup();
    for (const id of ["nope", "%E0%A4%A", encodeURIComponent(workspaceId), alice.visitorId]) {
      const response = await call(t, "GET", `/api/v1/conversations/${id}/messages`);
      expect(response.status, id).toBe(404);
      expect(await errorOf(response)).toMatchObject({ code: "NOT_FOUND" });
    }
    const reply = await call(t, "POST", "/api/v1/conversations/nope/messages", { text: "hi" });
    expect(reply.status).toBe(404);
    expect((await call(t, "POST", "/api/v1/conversations/nope/close")).status).toBe(404);
    expect((await call(t, "GET", "/api/v1/unknown")).status).toBe(404);
  });

  test("405 for a known path with the wrong method", async () => {
    const { t, conversationId } = await restSetup();
    const response = await call(t, "DELETE", `/api/v1/conversations/${conversationId}/messages`);
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, POST");
    expect((await call(t, "GET", `/api/v1/conversations/${conversationId}/close`)).status).toBe(405);
  });

  test("POST validates the body and names the field", async () => {
    const { t, conversationId } = await restSetup();
    const path = `/api/v1/conversations/${conversationId}/messages`;
    for (const body of [{}, { text: "" }, { text: "   " }, { text: 42 }, { text: "x".repeat(5001) }]) {
      const response = await call(t, "POST", path, body);
      expect(response.status, JSON.stringify(body).slice(0, 30)).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(Object.keys(error.fields ?? {})).toEqual(["text"]);
    }
    const badAuthor = await call(t, "POST", path, { text: "ok", authorName: 7 });
    expect(Object.keys((await errorOf(badAuthor)).fields ?? {})).toEqual(["authorName"]);
    const notJson = await call(t, "POST", path, "{text:");
    expect(notJson.status).toBe(400);
    expect(await errorOf(notJson)).toMatchObject({ code: "INVALID_JSON" });
  });

  test("an agent reply reaches the visitor with an unread count, and is idempotent to read", async () => {
    const { t, alice, conversationId } = await restSetup();
    const response = await call(t, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      text: "  It ships tomorrow.  ",
      authorName: "Sam",
    });
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ body: "It ships tomorrow.", senderType: "agent", senderName: "Sam", conversationId });

    const seen = await t.query(api.messages.list, { sessionToken: alice.sessionToken, conversationId });
    expect(seen.at(-1)).toMatchObject({ senderType: "agent", senderName: "Sam", body: "It ships tomorrow." });
    expect(await t.query(api.conversations.getTotalUnreadForVisitor, { sessionToken: alice.sessionToken })).toBe(1);
    const [listed] = await t.query(api.conversations.listForVisitor, { sessionToken: alice.sessionToken });
    expect(listed).toMatchObject({ unreadCount: 1, lastMessagePreview: "It ships tomorrow." });

    const agentView = await call(t, "GET", "/api/v1/conversations");
    const { data: conversations } = (await agentView.json()) as { data: Array<Record<string, unknown>> };
    expect(conversations[0]).toMatchObject({ unreadByAgent: 0, unreadByVisitor: 1 });
  });

  test("POST close closes the conversation, idempotently, and the visitor sees it", async () => {
    const { t, alice, conversationId } = await restSetup();
    const response = await call(t, "POST", `/api/v1/conversations/${conversationId}/close`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { id: conversationId, status: "closed" } });
    expect((await call(t, "POST", `/api/v1/conversations/${conversationId}/close`)).status).toBe(200);

    const [listed] = await t.query(api.conversations.listForVisitor, { sessionToken: alice.sessionToken });
    expect(listed?.status).toBe("closed");
    const open = await call(t, "GET", "/api/v1/conversations?status=open");
    expect(await open.json()).toEqual({ data: [], nextCursor: null });
    const closed = await call(t, "GET", "/api/v1/conversations?status=closed");
    expect(((await closed.json()) as { data: unknown[] }).data).toHaveLength(1);
  });
});
