import { api, internal } from "../../../convex/_generated/api";
import { bootVisitor, createWorkspace, newBackend, type TestBackend } from "../helpers";

export const KEY = "oc_live_messenger-tests-key-000000000000";
export const OTHER_KEY = "oc_live_messenger-tests-other-key-00000";

/** A workspace ("acme") with an admin key, two anonymous visitors, and a second workspace with its own key. */
export async function messengerSetup() {
  const t = newBackend();
  const workspaceId = await createWorkspace(t);
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "tests", key: KEY });
  const otherWorkspaceId = await createWorkspace(t, { publicId: "other" });
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId: otherWorkspaceId, name: "tests", key: OTHER_KEY });
  const alice = await bootVisitor(t, "visitor-alice");
  const bob = await bootVisitor(t, "visitor-bob");
  return { t, workspaceId, otherWorkspaceId, alice, bob };
}

export type RestResult = { status: number; json: any };

export async function rest(t: TestBackend, method: string, path: string, body?: unknown, key: string = KEY): Promise<RestResult> {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const response = await t.fetch(path, init);
  const text = await response.text();
  return { status: response.status, json: text === "" ? null : JSON.parse(text) };
}

/** Starts a conversation for the visitor and returns its id. */
export async function startConversation(t: TestBackend, sessionToken: string, body = "Hello"): Promise<string> {
  const sent = await t.mutation(api.messages.send, { sessionToken, body, clientMessageId: `m-${body.length}-${Math.random()}` });
  return sent.conversationId;
}
