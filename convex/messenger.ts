import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { appError, invalidArgument } from "./lib/errors";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";

/*
 * Visitor-level state of the messenger: whether the visitor is a known user
 * (tabs can be shown to users or to anonymous visitors only), the email
 * capture offered to anonymous visitors while the team is away (asked once,
 * skippable, stored on the visitor), and the unread summary behind the
 * launcher badge and the `messageReceived` event.
 */

const EMAIL_MAX = 320;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type VisitorState = { identified: boolean; hasEmail: boolean; emailPrompted: boolean };

export const visitorState = visitorQuery({
  args: {},
  handler: async (ctx): Promise<VisitorState> => ({
    identified: ctx.visitor.identified,
    hasEmail: ctx.visitor.email !== undefined,
    emailPrompted: ctx.visitor.emailPromptedAt !== undefined,
  }),
});

/** Stores the email an anonymous visitor gave; identified users' emails come from the host site. */
export const saveEmail = visitorMutation({
  args: { email: v.string() },
  handler: async (ctx, args): Promise<VisitorState> => {
    const email = args.email.trim();
    if (email.length > EMAIL_MAX || !EMAIL.test(email)) throw invalidArgument("email", "email must be an email address.");
    if (ctx.visitor.identified) throw appError("CONFLICT", "This visitor's email comes from the host site.", "email");
    await ctx.db.patch(ctx.visitor._id, { email, emailPromptedAt: Date.now() });
    return { identified: false, hasEmail: true, emailPrompted: true };
  },
});

/** The visitor said no thanks: never ask again. */
export const skipEmail = visitorMutation({
  args: {},
  handler: async (ctx): Promise<null> => {
    if (ctx.visitor.emailPromptedAt === undefined) await ctx.db.patch(ctx.visitor._id, { emailPromptedAt: Date.now() });
    return null;
  },
});

export type LatestMessage = {
  id: Id<"messages">;
  conversationId: Id<"conversations">;
  senderType: "agent" | "bot";
  senderName: string | null;
  body: string;
  createdAt: number;
};

/** The newest time a member took one of the visitor's conversations (the widget's `agent_assigned`). */
export type LastAssignment = { conversationId: Id<"conversations">; assignedAt: number };
export type UnreadSummary = { unreadCount: number; latest: LatestMessage | null; lastAssignment: LastAssignment | null };

/** Unread team messages across the visitor's conversations, and the newest of them. */
export const unreadSummary = visitorQuery({
  args: {},
  handler: async (ctx): Promise<UnreadSummary> => {
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_visitor_last_message", (q) => q.eq("visitorId", ctx.visitor._id))
      .order("desc")
      .collect();
    const unreadCount = conversations.reduce((total, conversation) => total + conversation.unreadByVisitor, 0);
    const lastAssignment = conversations.reduce<LastAssignment | null>(
      (found, conversation) =>
        conversation.assignedAt !== undefined && (found === null || conversation.assignedAt > found.assignedAt)
          ? { conversationId: conversation._id, assignedAt: conversation.assignedAt }
          : found,
      null,
    );
    const newest = conversations.find((conversation) => conversation.unreadByVisitor > 0);
    if (newest === undefined) return { unreadCount, latest: null, lastAssignment };
    const recent = await ctx.db
      .query("messages")
      .withIndex("by_conversation_created", (q) => q.eq("conversationId", newest._id))
      .order("desc")
      .take(20);
    const message = recent.find((row) => row.senderType === "agent" || row.senderType === "bot");
    if (message === undefined) return { unreadCount, latest: null, lastAssignment };
    return {
      unreadCount,
      latest: {
        id: message._id,
        conversationId: message.conversationId,
        senderType: message.senderType as "agent" | "bot",
        senderName: message.senderName ?? null,
        body: message.body,
        createdAt: message.createdAt,
      },
      lastAssignment,
    };
  },
});
