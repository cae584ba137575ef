import { makeFunctionReference } from "convex/server";

/*
 * Backend functions of the panel and its lazily loaded tabs, referenced by name (see
 * runtime/functions.ts for why). They ship with the panel, not the runtime.
 */
type Args = Record<string, unknown>;
const query = (name: string) => makeFunctionReference<"query", Args, unknown>(name);
const mutation = (name: string) => makeFunctionReference<"mutation", Args, unknown>(name);
const action = (name: string) => makeFunctionReference<"action", Args, unknown>(name);

export const panelFunctions = {
  visitorState: query("messenger:visitorState"),
  saveEmail: mutation("messenger:saveEmail"),
  skipEmail: mutation("messenger:skipEmail"),
  activity: query("conversationActivity:get"),
  setTyping: mutation("conversationActivity:setVisitorTyping"),
  generateUploadUrl: action("files:generateUploadUrl"),
  saveUpload: action("files:saveUpload"),
  collections: query("articles:listCollections"),
  searchArticles: query("articles:search"),
  article: query("articles:get"),
  ticketForm: query("tickets:getForm"),
  createTicket: mutation("tickets:create"),
  tickets: query("tickets:listForVisitor"),
  ticket: query("tickets:get"),
  tours: query("tours:listAll"),
  checklists: query("checklists:getAllProgress"),
};
