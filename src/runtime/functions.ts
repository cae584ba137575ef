import { anyApi, type FunctionArgs, type FunctionReference, type FunctionReturnType } from "convex/server";
import type { GenericId } from "convex/values";
import type { api } from "../../convex/_generated/api";

/*
 * Every backend function the widget calls, in one table, typed by convex/_generated/api.
 *
 * The table is a type: the references are built by Convex's own `anyApi` proxy when a
 * caller writes `backend.messages.send`, so no name is a string in the code, each chunk
 * carries only the references it uses (the panel's ship with the panel), and importing the
 * generated types adds no byte to the bundle. A rename in convex/ fails `tsc` here, and
 * test/unit/runtime/functions.test.ts checks every entry against the real modules
 * (exported, and a query, mutation or action as the generated types say).
 */

type Api = typeof api;

export interface WidgetFunctions {
  widgetSessions: Pick<Api["widgetSessions"], "boot" | "refresh" | "logout">;
  visitors: Pick<Api["visitors"], "identify">;
  events: Pick<Api["events"], "track">;
  messages: Pick<Api["messages"], "send" | "list">;
  conversations: Pick<Api["conversations"], "listForVisitor" | "markAsRead">;
  messenger: Pick<Api["messenger"], "unreadSummary" | "visitorState" | "saveEmail" | "skipEmail">;
  conversationActivity: Pick<Api["conversationActivity"], "get" | "setVisitorTyping">;
  files: Pick<Api["files"], "generateUploadUrl" | "saveUpload">;
  articles: Pick<Api["articles"], "listCollections" | "search" | "get">;
  tickets: Pick<Api["tickets"], "getForm" | "create" | "listForVisitor" | "get" | "reply">;
  tours: Pick<Api["tours"], "listAll" | "recordProgress">;
  tooltips: Pick<Api["tooltips"], "getActiveForVisitor" | "recordImpression">;
  outboundMessages: Pick<Api["outboundMessages"], "getEligible" | "recordImpression" | "startChat">;
  surveys: Pick<Api["surveys"], "getActiveSurveys" | "recordImpression" | "submitResponse">;
  checklists: Pick<Api["checklists"], "getAllProgress" | "recordEvent" | "completeTask">;
  csat: Pick<Api["csat"], "getPending" | "submit">;
  bots: Pick<Api["bots"], "stateForVisitor" | "choose" | "talkToPerson">;
  widgetConfig: Pick<Api["widgetConfig"], "live" | "recordMetric" | "logExternal">;
  /** The element picker's and the preview's functions: they take their token, not a session. */
  authoring: Pick<Api["authoring"], "describe" | "saveSelector" | "preview">;
}

export const backend = anyApi as unknown as WidgetFunctions;

export type QueryRef = FunctionReference<"query">;
export type MutationRef = FunctionReference<"mutation">;
export type ActionRef = FunctionReference<"action">;

/** Ids are plain strings in the widget: it only hands back ids the server gave it. */
type Loose<T> = T extends GenericId<string>
  ? string
  : T extends readonly (infer Item)[]
    ? Loose<Item>[]
    : T extends object
      ? { [K in keyof T]: Loose<T[K]> }
      : T;

/** A function's arguments as the widget writes them. */
export type ArgsOf<F extends FunctionReference<"query" | "mutation" | "action">> = Loose<FunctionArgs<F>>;
/** ...without the session token, which the gateway adds. */
export type SessionArgsOf<F extends FunctionReference<"query" | "mutation" | "action">> = Omit<ArgsOf<F>, "sessionToken">;
/** What a function returns. Still parsed at the boundary (valibot) before use. */
export type ResultOf<F extends FunctionReference<"query" | "mutation" | "action">> = FunctionReturnType<F>;
