import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { createWorkspace, expectAppError, type TestBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment, type TestOperator } from "../inbox/support";
import { fakeReceiver } from "../outgoing/support";
import { CALLBACK, gatewayBackend, inbound, post, settledCalls } from "./support";

useAuthEnvironment();

let t: TestBackend;
let workspaceId: Id<"workspaces">;
let admin: TestOperator;
let agent: TestOperator;

const settings = {
  name: "Viber bridge",
  callbackUrl: CALLBACK,
  appSecret: "typed-secret-for-the-inbox-0001",
  routing: { type: "team" as const, teamId: null },
  templates: { memberName: "{{agent.name}}", chatComplete: "", agentJoined: "Hi from {{agent.name}}", agentLeft: "" },
};

beforeEach(async () => {
  ({ t, workspaceId } = await gatewayBackend());
  admin = await signedInOperator(t, workspaceId, "admin");
  agent = await signedInOperator(t, workspaceId, "agent");
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

test("admins manage gateways from the inbox; agents and other workspaces are refused", async () => {
  const saved = await admin.client.action(api.gatewaysInbox.save, { workspaceId, ...settings });
  expect(saved).toMatchObject({ name: "Viber bridge", appSecret: settings.appSecret, templates: settings.templates });
  expect(await admin.client.query(api.gatewaysInbox.list, { workspaceId })).toEqual([saved]);
  await expectAppError(agent.client.query(api.gatewaysInbox.list, { workspaceId }), "FORBIDDEN");
  await expectAppError(agent.client.action(api.gatewaysInbox.save, { workspaceId, ...settings }), "FORBIDDEN");
  await expectAppError(agent.client.mutation(api.gatewaysInbox.remove, { workspaceId, gatewayId: saved.id }), "FORBIDDEN");
  const outsider = await signedInOperator(t, await createWorkspace(t, { publicId: "other" }), "admin");
  await expectAppError(outsider.client.query(api.gatewaysInbox.list, { workspaceId }), "FORBIDDEN");
  await expectAppError(
    admin.client.action(api.gatewaysInbox.save, { workspaceId, ...settings, templates: { ...settings.templates, agentLeft: "{{agent.id}}" } }),
    "INVALID_ARGUMENT",
    "templates.agentLeft",
  );
  const moved = await admin.client.action(api.gatewaysInbox.regenerateUri, { workspaceId, gatewayId: saved.id });
  expect(moved.uri).not.toBe(saved.uri);
  const audit = await t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((entry) => entry.action));
  expect(audit).toEqual(expect.arrayContaining(["gateway.created", "gateway.uri_regenerated"]));
});

test("any member sees a gateway chat's platform and sender metadata; a broadcast from the inbox goes out", async () => {
  const receiver = fakeReceiver(() => 200);
  const gateway = await admin.client.action(api.gatewaysInbox.save, { workspaceId, ...settings });
  await post(t, gateway.uri, inbound("m1", { metadata: { plan: "gold" } }), gateway.appSecret);
  const listed = await agent.client.query(api.inboxConversations.list, { workspaceId, filter: "open", limit: 10 });
  expect(listed.conversations[0]?.platform).toBe("viber");
  const conversationId = listed.conversations[0]!._id;
  expect(await agent.client.query(api.gatewaysInbox.chatForConversation, { workspaceId, conversationId })).toEqual({
    platform: "viber",
    gatewayName: "Viber bridge",
    chatId: "chat-1",
    sender: { id: "_3dRxWevBkGX/z3pw7LZw==", name: "John Doe", nickname: "johnny" },
    metadata: { plan: "gold" },
  });
  await admin.client.mutation(api.gatewaysInbox.broadcast, { workspaceId, gatewayId: gateway.id, recipients: [{ id: "u1", type: "viber" }], text: "Hello all" });
  await settledCalls(t, receiver.calls, 1);
  expect(JSON.parse(receiver.calls[0]!.body).broadcast.text).toBe("Hello all");
  const [row] = await admin.client.query(api.gatewaysInbox.broadcasts, { workspaceId, gatewayId: gateway.id });
  expect(row).toMatchObject({ deliveryStatus: "succeeded", recipients: [{ id: "u1", status: "sent" }] });
  expect((await admin.client.query(api.gatewaysInbox.deliveries, { workspaceId, gatewayId: gateway.id }))[0]).toMatchObject({ topic: "broadcast", status: "succeeded" });
});

test("every admin function of the gateway screens refuses an agent, another workspace's admin and a signed-out caller", async () => {
  const saved = await admin.client.action(api.gatewaysInbox.save, { workspaceId, ...settings });
  const outsider = await signedInOperator(t, await createWorkspace(t, { publicId: "elsewhere" }), "admin");
  const gateway = { workspaceId, gatewayId: saved.id };
  const calls: [string, (client: TestOperator["client"] | TestBackend) => Promise<unknown>][] = [
    ["list", (c) => c.query(api.gatewaysInbox.list, { workspaceId })],
    ["save", (c) => c.action(api.gatewaysInbox.save, { workspaceId, ...settings })],
    ["regenerateUri", (c) => c.action(api.gatewaysInbox.regenerateUri, gateway)],
    ["remove", (c) => c.mutation(api.gatewaysInbox.remove, gateway)],
    ["broadcast", (c) => c.mutation(api.gatewaysInbox.broadcast, { ...gateway, recipients: [{ id: "1", type: "viber" }], text: "Hello" })],
    ["broadcasts", (c) => c.query(api.gatewaysInbox.broadcasts, gateway)],
    ["deliveries", (c) => c.query(api.gatewaysInbox.deliveries, gateway)],
    ["retryDelivery", (c) => c.mutation(api.gatewaysInbox.retryDelivery, { ...gateway, deliveryId: "nothing" })],
  ];
  for (const [name, call] of calls) {
    await expectAppError(call(agent.client), "FORBIDDEN").catch((error: unknown) => Promise.reject(new Error(`${name} (agent): ${String(error)}`)));
    await expectAppError(call(outsider.client), "FORBIDDEN").catch((error: unknown) => Promise.reject(new Error(`${name} (outsider): ${String(error)}`)));
    await expectAppError(call(t), "UNAUTHENTICATED").catch((error: unknown) => Promise.reject(new Error(`${name} (signed out): ${String(error)}`)));
  }
  // Any member reads a chat's platform, but only in their own workspace.
  await expectAppError(outsider.client.query(api.gatewaysInbox.chatForConversation, { workspaceId, conversationId: "nothing" }), "FORBIDDEN");
  expect(await admin.client.query(api.gatewaysInbox.list, { workspaceId })).toHaveLength(1);
});
