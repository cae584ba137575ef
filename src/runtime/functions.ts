import { makeFunctionReference } from "convex/server";

/*
 * The backend functions the widget calls, referenced by name. Importing convex/_generated
 * would drag server code and types into the browser bundle; results are typed `unknown`
 * here and parsed at the boundary (see wire.ts).
 */
type Args = Record<string, unknown>;

export const functions = {
  boot: makeFunctionReference<"action", Args, unknown>("widgetSessions:boot"),
  refresh: makeFunctionReference<"action", Args, unknown>("widgetSessions:refresh"),
  logout: makeFunctionReference<"mutation", Args, unknown>("widgetSessions:logout"),
  identify: makeFunctionReference<"mutation", Args, unknown>("visitors:identify"),
  track: makeFunctionReference<"mutation", Args, unknown>("events:track"),
  send: makeFunctionReference<"mutation", Args, unknown>("messages:send"),
  listMessages: makeFunctionReference<"query", Args, unknown>("messages:list"),
  listConversations: makeFunctionReference<"query", Args, unknown>("conversations:listForVisitor"),
  totalUnread: makeFunctionReference<"query", Args, unknown>("conversations:getTotalUnreadForVisitor"),
  /** Unread count plus the newest unread team message (badge, unreadCountChange, messageReceived). */
  unreadSummary: makeFunctionReference<"query", Args, unknown>("messenger:unreadSummary"),
  markAsRead: makeFunctionReference<"mutation", Args, unknown>("conversations:markAsRead"),
};

export type QueryRef = (typeof functions)["listMessages"];
export type MutationRef = (typeof functions)["send"];
export type ActionRef = (typeof functions)["boot"];
