import { v } from "convex/values";
import type { BotButton, ShownResponse } from "../core/bots";
import { internalMutation } from "./_generated/server";
import { appError } from "./lib/errors";
import { appendMessage, getVisitorConversation } from "./model/conversations";
import { settleCall } from "./model/botCalls";
import { handOff, jumpTo, runIsActive, runOf, takeReply } from "./model/botRunner";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { enforceRateLimit } from "./model/rateLimits";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { completionArgsValidator } from "./outgoing/queue";

/*
 * Bot conversations: what the visitor does with a bot's message (pick a
 * choice, ask for a person), what the webhook's answer does, and what the
 * inbox shows of a run. Stories and connections are managed in botAdmin.ts.
 */

/** Whether a bot has the conversation (the messenger then offers "Talk to a person"). */
export const stateForVisitor = visitorQuery({
  args: { conversationId: v.string() },
  handler: async (ctx, args): Promise<{ botActive: boolean }> => {
    const conversation = await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    return { botActive: runIsActive(await runOf(ctx.db, conversation._id)) };
  },
});

function buttonAt(response: ShownResponse, elementIndex: number | undefined, buttonIndex: number): BotButton | undefined {
  if (response.type === "cards") return response.elements[elementIndex ?? -1]?.buttons[buttonIndex];
  if (response.type === "quickReplies" || response.type === "buttons") return response.buttons[buttonIndex];
  return undefined;
}

/**
 * The visitor pressed a postback or goto button of a bot message. The button is
 * read from the stored message, never from the client: a postback's value
 * becomes the visitor's reply (shown by its title), a goto jumps the story.
 */
export const choose = visitorMutation({
  args: { conversationId: v.string(), messageId: v.string(), elementIndex: v.optional(v.number()), buttonIndex: v.number() },
  handler: async (ctx, args): Promise<null> => {
    const conversation = await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    const messageId = ctx.db.normalizeId("messages", args.messageId);
    const message = messageId === null ? null : await ctx.db.get("messages", messageId);
    if (message === null || message.conversationId !== conversation._id || message.bot === undefined) {
      throw appError("NOT_FOUND", "Message not found.", "messageId");
    }
    const response = message.bot.response as ShownResponse;
    const button = buttonAt(response, args.elementIndex, args.buttonIndex);
    if (button === undefined || (button.type !== "postback" && button.type !== "goto")) {
      throw appError("INVALID_ARGUMENT", "That message has no such choice.", "buttonIndex");
    }
    if (response.type === "quickReplies" && message.bot.answeredAt !== undefined) {
      throw appError("CONFLICT", "That question was already answered.", "messageId");
    }
    await enforceRateLimit(ctx, "messageBurst", ctx.visitor._id);
    const now = Date.now();
    await ctx.db.patch("messages", message._id, { bot: { ...message.bot, answeredAt: now } });
    const reply = await appendMessage(ctx.db, conversation, {
      senderType: "visitor",
      body: button.title,
      createdAt: now,
      visitorId: ctx.visitor._id,
      ...(ctx.visitor.name !== undefined ? { senderName: ctx.visitor.name } : {}),
    });
    await emitWebhookEvent(ctx, ctx.workspace._id, "message.created", { messageId: reply._id });
    if (button.type === "postback") {
      await takeReply(ctx, conversation._id, button.value, now);
    } else {
      const run = await runOf(ctx.db, conversation._id);
      if (run !== null) await jumpTo(ctx, run, button.value, now);
    }
    return null;
  },
});

/** The messenger's "Talk to a person": the bot steps aside. */
export const talkToPerson = visitorMutation({
  args: { conversationId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const conversation = await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    const run = await runOf(ctx.db, conversation._id);
    if (runIsActive(run)) await handOff(ctx, run, "The visitor asked for a person.", Date.now());
    return null;
  },
});

/** The outgoing-call module's report on a webhook call (see model/botCalls.ts). */
export const webhookDone = internalMutation({
  args: completionArgsValidator,
  handler: async (ctx, args): Promise<null> => {
    await settleCall(ctx, args, Date.now());
    return null;
  },
});
