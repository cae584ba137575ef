import { z } from "zod";
import { internal } from "../_generated/api";
import { FORM_FIELDS_MAX, TICKET_NOTE_MAX, TICKET_STATES } from "../lib/ticketRules";
import { parseBody, type Route } from "./contentCrud";
import type { RestHandler } from "./conversations";
import { defined, limitParam, parseQuery, trimmedText } from "./restHelpers";
import { errorResponse, jsonResponse } from "./responses";

/*
 * /api/v1/tickets (list, read, PATCH state and notes) and /api/v1/ticket-form
 * (the fields visitors fill in). A PATCH shows up live in the visitor's
 * messenger: the widget subscribes to its tickets.
 */

const ticketState = z.enum(TICKET_STATES as [string, ...string[]]);
const listQuery = z.object({ state: ticketState.optional(), limit: limitParam });
const patchBody = z
  .strictObject({ state: ticketState.optional(), note: trimmedText(TICKET_NOTE_MAX).optional() })
  .refine((body) => body.state !== undefined || body.note !== undefined, { message: "Give a state, a note or both.", path: ["state"] });

const field = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,50}$/, "Use 1–50 letters, digits, - or _."),
    label: trimmedText(100),
    type: z.enum(["text", "textarea", "email", "select"]),
    required: z.boolean().default(false),
    options: z.array(trimmedText(100)).min(1).max(20).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type === "select" && value.options === undefined) ctx.addIssue({ code: "custom", message: "A select field needs options.", path: ["options"] });
    if (value.type !== "select" && value.options !== undefined) ctx.addIssue({ code: "custom", message: "Only select fields take options.", path: ["options"] });
  });
const formBody = z.strictObject({
  fields: z
    .array(field)
    .max(FORM_FIELDS_MAX)
    .superRefine((fields, ctx) => {
      const seen = new Set<string>();
      fields.forEach((item, index) => {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", message: `Duplicate id "${item.id}".`, path: [index, "id"] });
        seen.add(item.id);
      });
    }),
});

const ticketNotFound = () => errorResponse("NOT_FOUND", "Ticket not found.");
type State = (typeof TICKET_STATES)[number];

const listTickets: RestHandler = async (ctx, request, caller) => {
  const query = parseQuery(request, listQuery, ["state", "limit"]);
  if (!query.ok) return query.response;
  const { state, limit } = query.data;
  const rows = await ctx.runQuery(internal.tickets.adminList, {
    workspaceId: caller.workspaceId,
    limit,
    ...(state !== undefined ? { state: state as State } : {}),
  });
  return jsonResponse({ data: rows });
};

const getTicket: RestHandler = async (ctx, _request, caller, params) => {
  const row = await ctx.runQuery(internal.tickets.adminGet, { workspaceId: caller.workspaceId, id: params["id"] ?? "" });
  return row === null ? ticketNotFound() : jsonResponse({ data: row });
};

const updateTicket: RestHandler = async (ctx, request, caller, params) => {
  const body = await parseBody(request, patchBody);
  if (!body.ok) return body.response;
  const { state, note } = body.data;
  const row = await ctx.runMutation(internal.tickets.adminUpdate, {
    workspaceId: caller.workspaceId,
    id: params["id"] ?? "",
    ...defined({ note }),
    ...(state !== undefined ? { state: state as State } : {}),
  });
  return row === null ? ticketNotFound() : jsonResponse({ data: row });
};

const getForm: RestHandler = async (ctx, _request, caller) =>
  jsonResponse({ data: await ctx.runQuery(internal.tickets.adminGetForm, { workspaceId: caller.workspaceId }) });

const putForm: RestHandler = async (ctx, request, caller) => {
  const body = await parseBody(request, formBody);
  if (!body.ok) return body.response;
  const fields = body.data.fields.map(({ options, ...item }) => ({ ...item, ...(options !== undefined ? { options } : {}) }));
  return jsonResponse({ data: await ctx.runMutation(internal.tickets.adminSetForm, { workspaceId: caller.workspaceId, fields }) });
};

export const TICKET_ROUTES: Route[] = [
  { pattern: ["tickets"], methods: { GET: listTickets } },
  { pattern: ["tickets", ":id"], methods: { GET: getTicket, PATCH: updateTicket } },
  { pattern: ["ticket-form"], methods: { GET: getForm, PUT: putForm } },
];
