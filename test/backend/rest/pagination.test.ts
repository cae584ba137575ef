import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor } from "../helpers";
import { call, callChecked, errorOf, restBackend } from "./support";

/* Every list pages with `?limit=&cursor=` and answers `{data, nextCursor}`. */

async function threeConversations() {
  const { t } = await restBackend();
  const ids: string[] = [];
  for (const name of ["a", "b", "c"]) {
    const visitor = await bootVisitor(t, `visitor-${name}`);
    const sent = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: `Hello from ${name}`, clientMessageId: `${name}-1` });
    ids.push(sent.conversationId);
  }
  return { t, ids };
}

async function page(t: Awaited<ReturnType<typeof restBackend>>["t"], path: string) {
  const response = await call(t, "GET", path);
  expect(response.status).toBe(200);
  return (await response.json()) as { data: Array<{ id: string; body?: string }>; nextCursor: string | null };
}

describe("cursor pagination", () => {
  test("conversations: every one exactly once across pages, then a null cursor", async () => {
    const { t, ids } = await threeConversations();
    const first = await page(t, "/api/v1/conversations?limit=2");
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await page(t, `/api/v1/conversations?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((row) => row.id).sort()).toEqual([...ids].sort());
    expect((await callChecked(t, "GET", "/api/v1/conversations?limit=2")).data).toHaveLength(2); // the documented shape
  });

  test("messages: oldest first, past 200 if need be, a page at a time", async () => {
    const { t } = await restBackend();
    const visitor = await bootVisitor(t, "visitor-chatty");
    const sent = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "one", clientMessageId: "m-1" });
    for (const [index, text] of ["two", "three"].entries()) {
      await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: text, conversationId: sent.conversationId, clientMessageId: `m-${index + 2}` });
    }
    const base = `/api/v1/conversations/${sent.conversationId}/messages`;
    const first = await page(t, `${base}?limit=2`);
    const second = await page(t, `${base}?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.data, ...second.data].map((message) => message.body)).toEqual(["one", "two", "three"]);
    expect(second.nextCursor).toBeNull();
    expect((await call(t, "GET", `${base}?limit=201`)).status).toBe(400);
  });

  test("a cursor that is not one of ours is refused by name", async () => {
    const { t } = await threeConversations();
    const response = await call(t, "GET", "/api/v1/conversations?cursor=not-a-cursor");
    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields).toEqual({ cursor: "Not a cursor from this list." });
  });
});
