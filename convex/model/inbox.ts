import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { appError } from "../lib/errors";
import { inboxConversation, type InboxConversation } from "../lib/inboxViews";
import { findWorkspaceConversation } from "./conversations";
import { gatewayChatOf } from "./gatewayRelay";
import { findMember } from "./members";

export type ConversationFilter = "open" | "mine" | "unassigned" | "snoozed" | "closed";

/** A conversation of the member's workspace, or NOT_FOUND (also for another workspace's). */
export async function requireWorkspaceConversation(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  conversationId: string,
): Promise<Doc<"conversations">> {
  const conversation = await findWorkspaceConversation(db, workspaceId, conversationId);
  if (conversation === null) throw appError("NOT_FOUND", "Conversation not found.");
  return conversation;
}

/**
 * The newest `limit` conversations of a filter, most recent activity first; snoozed ones
 * stay out of open, mine and unassigned, and list by when they wake.
 */
export async function filteredConversations(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  filter: ConversationFilter,
  me: Id<"users">,
  limit: number,
): Promise<Doc<"conversations">[]> {
  const index = db.query("conversations");
  if (filter === "closed") {
    return await index.withIndex("by_workspace_status_last_message", (q) => q.eq("workspaceId", workspaceId).eq("status", "closed")).order("desc").take(limit);
  }
  if (filter === "snoozed") {
    return await index
      .withIndex("by_workspace_status_snoozed_last_message", (q) => q.eq("workspaceId", workspaceId).eq("status", "open").gt("snoozedUntil", 0))
      .take(limit);
  }
  if (filter === "open") {
    return await index
      .withIndex("by_workspace_status_snoozed_last_message", (q) => q.eq("workspaceId", workspaceId).eq("status", "open").eq("snoozedUntil", undefined))
      .order("desc")
      .take(limit);
  }
  return await index
    .withIndex("by_workspace_status_assignee_last_message", (q) =>
      q.eq("workspaceId", workspaceId).eq("status", "open").eq("assigneeId", filter === "mine" ? me : undefined),
    )
    .order("desc")
    .filter((q) => q.eq(q.field("snoozedUntil"), undefined))
    .take(limit);
}

export async function toInboxConversation(db: DatabaseReader, conversation: Doc<"conversations">): Promise<InboxConversation> {
  const visitor = await db.get("visitors", conversation.visitorId);
  const assignee =
    conversation.assigneeId === undefined ? null : await findMember(db, conversation.workspaceId, conversation.assigneeId);
  const team = conversation.supportTeamId === undefined ? null : await db.get("supportTeams", conversation.supportTeamId);
  const gatewayChat = await gatewayChatOf(db, conversation._id);
  return inboxConversation(conversation, visitor, assignee, team, gatewayChat?.platform ?? null);
}
