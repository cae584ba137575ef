import * as v from "valibot";
import { parse } from "../../../runtime/wire";
import { attachment } from "../../wire";

const state = v.fallback(v.picklist(["submitted", "in_progress", "waiting_on_customer", "resolved", "cancelled"]), "submitted");
export type TicketState = v.InferOutput<typeof state>;

const summary = v.object({ id: v.string(), code: v.string(), title: v.string(), state, updatedAt: v.number() });
export type TicketSummary = v.InferOutput<typeof summary>;

const reply = v.object({
  id: v.string(),
  author: v.fallback(v.picklist(["agent", "visitor"]), "agent"),
  authorName: v.nullable(v.string()),
  body: v.string(),
  createdAt: v.number(),
  attachments: v.exactOptional(v.array(attachment)),
});
export type TicketReply = v.InferOutput<typeof reply>;

const ticket = v.object({
  id: v.string(),
  code: v.string(),
  title: v.string(),
  state,
  fields: v.array(v.object({ id: v.string(), label: v.string(), value: v.string() })),
  history: v.array(v.object({ state, at: v.number(), note: v.nullable(v.string()) })),
  replies: v.array(reply),
});
export type Ticket = v.InferOutput<typeof ticket>;

const field = v.object({
  id: v.string(),
  label: v.string(),
  type: v.fallback(v.picklist(["text", "textarea", "email", "select"]), "text"),
  required: v.boolean(),
  options: v.exactOptional(v.array(v.string())),
});
export type TicketField = v.InferOutput<typeof field>;

export const parseTickets = (value: unknown) => parse(v.array(summary), value, "tickets");
export const parseTicket = (value: unknown) => parse(ticket, value, "ticket");
export const parseForm = (value: unknown) => parse(v.object({ fields: v.array(field) }), value, "ticket form").fields;
export const parseCreated = (value: unknown) => parse(summary, value, "new ticket");
export const parseReplied = (value: unknown) => parse(v.object({ id: v.string() }), value, "ticket reply");
