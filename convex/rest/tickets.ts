import { z } from "zod";
import { internal } from "../_generated/api";
import { FORM_FIELDS_MAX, TICKET_NOTE_MAX, TICKET_REPLY_MAX, TICKET_STATES } from "../lib/ticketRules";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { defined, idParams, trimmedText } from "./restHelpers";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { attachmentView, dataOf, epochMs, ticketView } from "./views";
import { replyAttachments, requireTextOrFiles } from "./files";

/*
 * /api/v1/tickets (list, read, PATCH state and notes) and /api/v1/ticket-form
 * (the fields visitors fill in). A PATCH shows up live in the visitor's
 * messenger: the widget subscribes to its tickets.
 */

type State = (typeof TICKET_STATES)[number];
const ticketState = z.enum(TICKET_STATES as [State, ...State[]]);
const listQuery = z.object({ state: ticketState.optional(), ...pageParams() });
const patchBody = z
  .strictObject({ state: ticketState.optional(), note: trimmedText(TICKET_NOTE_MAX).optional() })
  .refine((body) => body.state !== undefined || body.note !== undefined, { message: "Give a state, a note or both.", path: ["state"] });

const field = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,50}$/, "Use 1–50 letters, digits, - or _."),
    label: trimmedText(100),
    type: z.enum(["text", "textarea", "email", "select"]),
    required: z.boolean().default(false),
    options: z.array(trimmedText(100)).min(1).max(20).optional().describe("Selects only."),
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
const formView = z.object({ fields: z.array(field) }).meta({ id: "TicketForm" });

const ticketNotFound = () => errorResponse("NOT_FOUND", "Ticket not found.");
const replyBody = z
  .object({
    text: z.string().trim().max(TICKET_REPLY_MAX).optional().describe(`Trimmed; 1 to ${TICKET_REPLY_MAX} characters remain (may be empty when files are attached).`),
    attachments: replyAttachments,
    authorName: z.string().trim().min(1).max(100).optional().describe("Shown to the visitor with the reply."),
  })
  .superRefine(requireTextOrFiles);

const TAGS = ["Tickets"];

export const TICKET_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/tickets",
    operationId: "listTickets",
    summary: "List tickets, most recently updated first, a page at a time",
    tags: TAGS,
    query: listQuery,
    responses: { 200: { description: "One page of tickets", schema: pageOf(ticketView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) =>
        ctx.runQuery(internal.tickets.adminList, { workspaceId: caller.workspaceId, paginationOpts, ...defined({ state: query.state }) }),
      ),
  }),
  defineRoute({
    method: "GET",
    path: "/tickets/{id}",
    operationId: "getTicket",
    summary: "Read a ticket",
    tags: TAGS,
    params: idParams("ticket"),
    responses: { 200: { description: "Ticket", schema: dataOf(ticketView) } },
    handler: async ({ ctx, caller, params }) => {
      const row = await ctx.runQuery(internal.tickets.adminGet, { workspaceId: caller.workspaceId, id: params.id });
      return row === null ? ticketNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/tickets/{id}/replies",
    operationId: "replyToTicket",
    summary: "Reply to a ticket as the team",
    description: "The visitor sees it in the messenger's Tickets tab; the first team reply stops the first-response clock. 409 on a cancelled ticket.",
    tags: TAGS,
    params: idParams("ticket"),
    body: replyBody,
    responses: {
      201: {
        description: "The stored reply",
        schema: dataOf(z.object({ id: z.string(), createdAt: epochMs, attachments: z.array(attachmentView).optional().describe("Only on replies with files.") }).meta({ id: "TicketReply" })),
      },
    },
    errors: [404, 409],
    handler: async ({ ctx, caller, params, body }) => {
      const row = await ctx.runMutation(internal.tickets.adminReply, {
        workspaceId: caller.workspaceId,
        id: params.id,
        body: body.text ?? "",
        ...defined({ authorName: body.authorName, fileIds: body.attachments }),
      });
      return row === null ? ticketNotFound() : jsonResponse({ data: row }, 201);
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/tickets/{id}",
    operationId: "updateTicket",
    summary: "Move a ticket to a state and/or add a note (each call adds a history entry)",
    tags: TAGS,
    params: idParams("ticket"),
    body: patchBody,
    responses: { 200: { description: "The ticket after the change", schema: dataOf(ticketView) } },
    handler: async ({ ctx, caller, params, body: { state, note } }) => {
      const row = await ctx.runMutation(internal.tickets.adminUpdate, {
        workspaceId: caller.workspaceId,
        id: params.id,
        ...defined({ note }),
        ...(state !== undefined ? { state } : {}),
      });
      return row === null ? ticketNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/ticket-form",
    operationId: "getTicketForm",
    summary: "The fields visitors fill in (until configured, one required description textarea)",
    tags: TAGS,
    responses: { 200: { description: "The form", schema: dataOf(formView) } },
    handler: async ({ ctx, caller }) =>
      jsonResponse({ data: await ctx.runQuery(internal.tickets.adminGetForm, { workspaceId: caller.workspaceId }) }),
  }),
  defineRoute({
    method: "PUT",
    path: "/ticket-form",
    operationId: "setTicketForm",
    summary: "Replace the ticket form",
    tags: TAGS,
    body: formBody,
    responses: { 200: { description: "The form as stored", schema: dataOf(formView) } },
    handler: async ({ ctx, caller, body }) => {
      const fields = body.fields.map(({ options, ...item }) => ({ ...item, ...(options !== undefined ? { options } : {}) }));
      return jsonResponse({ data: await ctx.runMutation(internal.tickets.adminSetForm, { workspaceId: caller.workspaceId, fields }) });
    },
  }),
];
