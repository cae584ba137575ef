import { pickShown, summarize, type BotResponse, type ShownResponse, type Story, type StoryNode } from "../../core/bots";
import { RESPONSE_LIMITS } from "../../core/bots/limits";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import type { QueueCtx } from "../outgoing/queue";
import { appendMessage } from "./conversations";
import { callWebhook } from "./botCalls";

/*
 * Walks a conversation through its story: plays responses (each shown after
 * its delay), asks questions, calls webhooks, and hands off to the team. Runs
 * inside the mutation that moved the conversation on (a visitor's message,
 * a pick, a webhook's answer), so the story's state and the messages it wrote
 * commit together.
 */

export type Run = Doc<"botRuns">;
export type RunCtx = QueueCtx;

/** Nodes a story may run without hearing from the visitor: a loop of gotos or routes stops here. */
const STEPS_MAX = 50;

export const HANDOFF_NOTICE = "You're being connected with the team. Someone will reply here soon.";

export async function storyOf(db: DatabaseReader, storyId: Id<"botStories">): Promise<Story | null> {
  const row = await db.get("botStories", storyId);
  return row === null ? null : { name: row.name, startNodeId: row.startNodeId, nodes: row.nodes as StoryNode[] };
}

export async function runOf(db: DatabaseReader, conversationId: Id<"conversations">): Promise<Run | null> {
  return await db
    .query("botRuns")
    .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
    .unique();
}

export const runIsActive = (run: Run | null): run is Run => run !== null && run.status !== "finished" && run.status !== "handed_off";

/** Writes one bot message per response, each shown `delay` after the one before. Returns the new play cursor. */
export async function playResponses(ctx: RunCtx, run: Run, responses: BotResponse[], now: number): Promise<number> {
  let cursor = Math.max(now, run.playCursor);
  for (const response of responses) {
    const shown: ShownResponse = pickShown(response, Math.random());
    cursor += shown.delay;
    await appendBotMessage(ctx, run.conversationId, shown, cursor, now);
  }
  return cursor;
}

async function appendBotMessage(ctx: RunCtx, conversationId: Id<"conversations">, shown: ShownResponse, showAt: number, now: number) {
  const conversation = await ctx.db.get("conversations", conversationId);
  if (conversation === null) return;
  await appendMessage(ctx.db, conversation, { senderType: "bot", body: summarize(shown), createdAt: now, bot: { response: shown, showAt } });
}

/** Whether the visitor is offered choices that move the story on (postback or goto buttons). */
export function offersChoices(responses: BotResponse[]): boolean {
  const choice = (buttons: Array<{ type: string }>) => buttons.some((button) => button.type === "postback" || button.type === "goto");
  return responses.some(
    (response) =>
      ((response.type === "quickReplies" || response.type === "buttons") && choice(response.buttons)) ||
      (response.type === "cards" && response.elements.some((card) => choice(card.buttons))),
  );
}

/** Runs nodes from `nodeId` until the story waits (a question, choices, a webhook call) or ends. */
export async function runFrom(ctx: RunCtx, runId: Id<"botRuns">, nodeId: string | undefined, now: number): Promise<void> {
  let run = await ctx.db.get("botRuns", runId);
  if (run === null) return;
  const story = await storyOf(ctx.db, run.storyId);
  if (story === null) return await handOff(ctx, run, "The story was deleted.", now);
  for (let current = nodeId; ; ) {
    if (current === undefined) {
      await ctx.db.patch("botRuns", run._id, { status: "finished", updatedAt: now });
      return;
    }
    const node = story.nodes.find((candidate) => candidate.id === current);
    if (node === undefined) return await handOff(ctx, run, `The story has no node ${current}.`, now);
    if (run.steps >= STEPS_MAX) return await handOff(ctx, run, `The story ran ${STEPS_MAX} nodes without the visitor: a loop?`, now);
    await ctx.db.patch("botRuns", run._id, { nodeId: node.id, steps: run.steps + 1, updatedAt: now });
    run = { ...run, nodeId: node.id, steps: run.steps + 1 };
    switch (node.type) {
      case "RESPONSES": {
        const playCursor = await playResponses(ctx, run, node.responses, now);
        run = { ...run, playCursor };
        if (offersChoices(node.responses)) {
          await ctx.db.patch("botRuns", run._id, { status: "waiting_choice", playCursor, nextNodeId: node.next, updatedAt: now });
          return;
        }
        await ctx.db.patch("botRuns", run._id, { playCursor });
        current = node.next;
        break;
      }
      case "QUESTION": {
        const playCursor = await playResponses(ctx, run, [{ type: "text", delay: RESPONSE_LIMITS.delayDefault, message: node.text }], now);
        await ctx.db.patch("botRuns", run._id, {
          status: "waiting_reply",
          waitingAttribute: node.attribute,
          nextNodeId: node.next,
          playCursor,
          updatedAt: now,
        });
        return;
      }
      case "WEBHOOK":
        return await callWebhook(ctx, run, node, now);
      case "HANDOFF":
        return await handOff(ctx, run, `The story reached "${node.name}".`, now);
    }
  }
}

/** Starts the workspace's active story on a conversation that just began. */
export async function greetConversation(ctx: RunCtx, conversation: Doc<"conversations">, firstMessage: string, now: number): Promise<void> {
  const active = await ctx.db
    .query("botActiveStories")
    .withIndex("by_workspace", (q) => q.eq("workspaceId", conversation.workspaceId))
    .unique();
  if (active === null) return;
  const story = await storyOf(ctx.db, active.storyId);
  if (story === null) return;
  const runId = await ctx.db.insert("botRuns", {
    workspaceId: conversation.workspaceId,
    conversationId: conversation._id,
    storyId: active.storyId,
    status: "finished",
    nodeId: story.startNodeId,
    attributes: { last_message: firstMessage },
    playCursor: now,
    steps: 0,
    updatedAt: now,
  });
  await runFrom(ctx, runId, story.startNodeId, now);
}

/**
 * The visitor said something (typed, or a postback's value): it answers the
 * question or the choices being waited on; `last_message` always holds it.
 */
export async function takeReply(ctx: RunCtx, conversationId: Id<"conversations">, value: string, now: number): Promise<void> {
  const run = await runOf(ctx.db, conversationId);
  if (run === null) return;
  const attributes: Record<string, string> = { ...run.attributes, last_message: value };
  if (run.status === "waiting_reply" && run.waitingAttribute !== undefined) attributes[run.waitingAttribute] = value;
  await ctx.db.patch("botRuns", run._id, { attributes, steps: 0, updatedAt: now });
  if (run.status === "waiting_reply" || run.status === "waiting_choice") {
    await ctx.db.patch("botRuns", run._id, { waitingAttribute: undefined, nextNodeId: undefined });
    await runFrom(ctx, run._id, run.nextNodeId, now);
  }
}

/** A goto button: the story jumps to the node (while the bot has the conversation). */
export async function jumpTo(ctx: RunCtx, run: Run, nodeId: string, now: number): Promise<void> {
  if (!runIsActive(run) || run.status === "calling") return;
  await ctx.db.patch("botRuns", run._id, { steps: 0, waitingAttribute: undefined, nextNodeId: undefined, updatedAt: now });
  await runFrom(ctx, run._id, nodeId, now);
}

/** The team takes over: the visitor is told, the conversation waits for an agent with the bot's reason in view. */
export async function handOff(ctx: RunCtx, run: Run, reason: string, now: number): Promise<void> {
  await ctx.db.patch("botRuns", run._id, {
    status: "handed_off",
    handoffReason: reason,
    waitingAttribute: undefined,
    nextNodeId: undefined,
    updatedAt: now,
  });
  const conversation = await ctx.db.get("conversations", run.conversationId);
  if (conversation === null) return;
  await appendMessage(ctx.db, conversation, { senderType: "system", body: HANDOFF_NOTICE, createdAt: Math.max(now, run.playCursor) });
  // The bot's replies cleared the team's unread count; the hand-off puts the conversation back in front of them.
  const after = await ctx.db.get("conversations", run.conversationId);
  if (after !== null) await ctx.db.patch("conversations", after._id, { status: "open", unreadByAgent: Math.max(1, after.unreadByAgent) });
}
