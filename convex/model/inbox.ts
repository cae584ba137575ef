import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { appError } from "../lib/errors";
import { inboxConversation, type InboxConversation } from "../lib/inboxViews";
import { findWorkspaceConversation } from "./conversations";
import { gatewayChatOf } from "./gatewayRelay";
import { findMember } from "./members";

export type ConversationFilter = "open" | "mine" | "unassigned" | "closed";

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

/** The newest `limit` conversations of a filter, most recent activity first. */
export async function filteredConversations(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  filter: ConversationFilter,
  me: Id<"users">,
  limit: number,
): Promise<Doc<"conversations">[]> {
  const status = filter === "closed" ? "closed" : "open";
  const index = db.query("conversations");
  const query =
    filter === "mine" || filter === "unassigned"
      ? index.withIndex("by_workspace_status_assignee_last_message", (q) =>
          q.eq("workspaceId", workspaceId).eq("status", "open").eq("assigneeId", filter === "mine" ? me : undefined),
        )
      : index.withIndex("by_workspace_status_last_message", (q) => q.eq("workspaceId", workspaceId).eq("status", status));
  return await query.order("desc").take(limit);
}

export async function toInboxConversation(db: DatabaseReader, conversation: Doc<"conversations">): Promise<InboxConversation> {
  const visitor = await db.get("visitors", conversation.visitorId);
  const assignee =
    conversation.assigneeId === undefined ? null : await findMember(db, conversation.workspaceId, conversation.assigneeId);
  const gatewayChat = await gatewayChatOf(db, conversation._id);
  return inboxConversation(conversation, visitor, assignee, gatewayChat?.platform ?? null);
}
