import { createHmac } from "node:crypto";
import { expect, vi } from "vitest";
import { internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { createWorkspace, newBackend, type TestBackend } from "../helpers";
import { rest as restAs, type RestResult } from "../messenger/support";
import { developmentEnv, type ReceivedCall } from "../outgoing/support";

export const KEY = "oc_live_gateway-tests-key-00000000000";
export const CALLBACK = "http://127.0.0.1:9/gateway-callback";

export const rest = (t: TestBackend, method: string, path: string, body?: unknown): Promise<RestResult> => restAs(t, method, path, body, KEY);

export type Gateway = { id: string; uri: string; appSecret: string; callbackUrl: string; templates: Record<string, string> };

/** A workspace with an admin key, and gateway callbacks retried in milliseconds. */
export async function gatewayBackend(): Promise<{ t: TestBackend; workspaceId: Id<"workspaces"> }> {
  developmentEnv();
  vi.stubEnv("OPENCOM_OUTGOING_POLICY", JSON.stringify({ gateway: { timeoutMs: 300, maxAttempts: 8, backoffBaseMs: 10, backoffCapMs: 40, giveUpAfterMs: null } }));
  const t = newBackend();
  const workspaceId = await createWorkspace(t);
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "tests", key: KEY });
  return { t, workspaceId };
}

export async function createGateway(t: TestBackend, extra: Record<string, unknown> = {}): Promise<Gateway> {
  const created = await rest(t, "POST", "/api/v1/gateways", { name: "Viber bridge", callbackUrl: CALLBACK, ...extra });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json.data;
}

export const sign = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");

/** POSTs `body` (an object, or raw text) to the gateway's URI, signed with `secret` unless null. */
export async function post(t: TestBackend, uri: string, body: unknown, secret: string | null): Promise<{ status: number; json: any }> {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (secret !== null) headers["X-Opencom-Sign"] = sign(secret, raw);
  const response = await t.fetch(new URL(uri).pathname, { method: "POST", headers, body: raw });
  return { status: response.status, json: await response.json() };
}

export const inbound = (id: string, extra: Record<string, unknown> = {}, chatId = "chat-1") => ({
  message: {
    id,
    chatId,
    sender: { id: "_3dRxWevBkGX/z3pw7LZw==", type: "viber", name: "John Doe", nickname: "johnny" },
    // Fresh: a message dated more than a week back is refused.
    date: Date.now() - 1000,
    text: `Hi! message ${id}`,
    metadata: { extra_var: "my_value" },
    ...extra,
  },
});

/** Rows an inbound call may write: all zero after a refusal. */
export async function storedCounts(t: TestBackend) {
  return await t.run(async (ctx) => ({
    visitors: (await ctx.db.query("visitors").collect()).length,
    conversations: (await ctx.db.query("conversations").collect()).length,
    messages: (await ctx.db.query("messages").collect()).length,
    chats: (await ctx.db.query("gatewayChats").collect()).length,
    uploads: (await ctx.db.query("uploads").collect()).length,
  }));
}

/** Waits until every delivery has settled and returns the calls the callback got. */
export async function settledCalls(t: TestBackend, calls: ReceivedCall[], atLeast: number, timeout = 8000): Promise<ReceivedCall[]> {
  await vi.waitFor(
    async () => {
      expect(calls.length).toBeGreaterThanOrEqual(atLeast);
      const open = await t.run(async (ctx) => (await ctx.db.query("deliveries").collect()).filter((row) => row.status !== "succeeded" && row.status !== "dead"));
      expect(open).toHaveLength(0);
    },
    { timeout, interval: 20 },
  );
  return calls;
}
