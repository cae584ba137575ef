import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { bootVisitor, createWorkspace, expectAppError, newBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";

useAuthEnvironment();

const DAY = 86_400_000;
const SETTINGS = { enabled: true, question: "How did we do?", commentPrompt: "What could be better?", offerForDays: 3 };

async function setup() {
  const t = newBackend();
  const workspaceId = await createWorkspace(t);
  const admin = await signedInOperator(t, workspaceId, "admin");
  const agent = await signedInOperator(t, workspaceId, "agent");
  const visitor = await bootVisitor(t, "visitor-csat");
  const sent = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Help", clientMessageId: "c-1" });
  await t.mutation(internal.conversations.close, { workspaceId, conversationId: sent.conversationId });
  const update = (patch: Partial<typeof SETTINGS>, client = admin.client) =>
    client.mutation(api.csatSettings.update, { workspaceId, ...SETTINGS, ...patch });
  const pending = () => t.query(api.csat.getPending, { sessionToken: visitor.sessionToken });
  return { t, workspaceId, admin, agent, update, pending, conversationId: sent.conversationId };
}

describe("csatSettings", () => {
  test("defaults until saved, then the widget's prompt carries the workspace's words", async () => {
    const { workspaceId, admin, update, pending } = await setup();
    expect(await admin.client.query(api.csatSettings.get, { workspaceId })).toEqual({ enabled: true, question: "", commentPrompt: "", offerForDays: 7 });
    const [before] = await pending();
    expect(before).not.toHaveProperty("question");
    await update({ question: "  How did we do?  " });
    expect(await admin.client.query(api.csatSettings.get, { workspaceId })).toEqual(SETTINGS);
    expect(await pending()).toEqual([expect.objectContaining({ question: "How did we do?", commentPrompt: "What could be better?" })]);
  });

  test("disabled: nothing is offered; the window counts days after the last message", async () => {
    const { t, update, pending, conversationId } = await setup();
    await update({ enabled: false });
    expect(await pending()).toEqual([]);
    await update({ enabled: true, offerForDays: 2 });
    expect(await pending()).toHaveLength(1);
    await t.run(async (ctx) => {
      await ctx.db.patch(conversationId as never, { lastMessageAt: Date.now() - 3 * DAY });
    });
    expect(await pending()).toEqual([]);
    await update({ offerForDays: 4 });
    expect(await pending()).toHaveLength(1);
  });

  test("bad input is refused naming the field, and nothing changes", async () => {
    const { workspaceId, admin, update } = await setup();
    await expectAppError(update({ question: "x".repeat(201) }), "INVALID_ARGUMENT", "question");
    await expectAppError(update({ commentPrompt: "x".repeat(201) }), "INVALID_ARGUMENT", "commentPrompt");
    await expectAppError(update({ offerForDays: 0 }), "INVALID_ARGUMENT", "offerForDays");
    await expectAppError(update({ offerForDays: 31 }), "INVALID_ARGUMENT", "offerForDays");
    await expectAppError(update({ offerForDays: 1.5 }), "INVALID_ARGUMENT", "offerForDays");
    expect((await admin.client.query(api.csatSettings.get, { workspaceId })).offerForDays).toBe(7);
  });

  test("an agent may neither read nor change them; the change is audited", async () => {
    const { t, workspaceId, agent, update } = await setup();
    await expectAppError(update({}, agent.client), "FORBIDDEN");
    await expectAppError(agent.client.query(api.csatSettings.get, { workspaceId }), "FORBIDDEN");
    await update({ offerForDays: 5 });
    const entries = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(entries.filter((entry) => entry.action === "csat_settings.updated")).toHaveLength(1);
  });
});
