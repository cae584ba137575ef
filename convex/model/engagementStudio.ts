import type { z } from "zod";
import { summarizeAudience } from "../../core/engagement/audience-summary";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { CONTENT_SCHEMAS } from "../lib/engagementSchemas";
import type { ContentStatus } from "../lib/engagementValidators";
import { appError, invalidFields } from "../lib/errors";
import { fieldErrors, requiredMessage } from "../lib/fieldErrors";
import { apiContent, createContent, updateContent, type ApiContent } from "./contentAdmin";
import { findInWorkspace, type ContentTable } from "./engagement";
import type { MemberAccess } from "./members";

/*
 * The inbox's Engagement studio over the content tables: the operator functions in
 * engagementStudio.ts check the admin and delegate here. Writes are validated with the
 * REST routes' own zod schemas, so a form shows the same message at the same field as the
 * API's error body, and go through contentAdmin's create and update (window boundaries,
 * schedule check), recording the member as the last editor.
 */

export type StudioRow = {
  id: string;
  name: string;
  status: ContentStatus;
  startsAt: number | null;
  endsAt: number | null;
  audienceSummary: string;
  updatedAt: number;
  updatedByName: string | null;
};

/** How many items of one type the list shows, most recently changed first. */
export const STUDIO_LIST_LIMIT = 200;

/** Answer fields the editor holds but may not write: the API's own columns. */
const READ_ONLY = ["id", "createdAt", "updatedAt", "updatedBy"];

const notFound = () => appError("NOT_FOUND", "No such item.", "id");

function row(doc: Doc<ContentTable>): StudioRow {
  return {
    id: doc._id,
    name: doc.name,
    status: doc.status,
    startsAt: doc.startsAt ?? null,
    endsAt: doc.endsAt ?? null,
    audienceSummary: summarizeAudience(doc.audience),
    updatedAt: doc.updatedAt,
    updatedByName: doc.updatedBy ?? null,
  };
}

export async function listItems(
  ctx: QueryCtx,
  access: MemberAccess,
  type: ContentTable,
  status: ContentStatus | undefined,
): Promise<StudioRow[]> {
  const docs = await ctx.db
    .query(type as "tours")
    .withIndex("by_workspace_status", (q) =>
      status === undefined ? q.eq("workspaceId", access.workspaceId) : q.eq("workspaceId", access.workspaceId).eq("status", status),
    )
    .take(STUDIO_LIST_LIMIT);
  return (docs as Doc<ContentTable>[]).map(row).sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function getItem(ctx: QueryCtx, access: MemberAccess, type: ContentTable, id: string): Promise<ApiContent | null> {
  const doc = await findInWorkspace(ctx.db, type, access.workspaceId, id);
  return doc === null ? null : apiContent(doc);
}

function parsed(schema: z.ZodType<Record<string, unknown>>, fields: Record<string, unknown>): Record<string, unknown> {
  const result = schema.safeParse(fields, { error: requiredMessage });
  if (!result.success) throw invalidFields(fieldErrors(result.error));
  return result.data;
}

function writable(fields: unknown): Record<string, unknown> {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw invalidFields({ "(body)": "Expected an object." });
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !READ_ONLY.includes(key)));
}

/**
 * Creates (`id` absent; a draft unless `fields.status` says otherwise) or replaces an
 * item's fields: the editor holds the whole item, so a field it leaves out is cleared.
 */
export async function saveItem(
  ctx: MutationCtx,
  access: MemberAccess,
  type: ContentTable,
  id: string | undefined,
  rawFields: unknown,
): Promise<ApiContent> {
  const schemas = CONTENT_SCHEMAS[type];
  const fields = writable(rawFields);
  const editor = access.member.name;
  if (id === undefined) return apiContent(await createContent(ctx, type, access.workspaceId, parsed(schemas.create, fields), editor));
  const doc = await findInWorkspace(ctx.db, type, access.workspaceId, id);
  if (doc === null) throw notFound();
  // Checked as a whole item (the create schema: "Required." for a missing name), keeping the status unless given.
  const next = parsed(schemas.create, { status: doc.status, ...fields });
  const cleared = Object.fromEntries(schemas.fieldNames.filter((key) => !(key in next) && key in doc).map((key) => [key, null]));
  const changes = { ...cleared, ...next };
  const updated = await updateContent(ctx, type, doc, changes, editor);
  if (updated === null) throw notFound();
  return apiContent(updated);
}

/** A draft copy named "… (copy)"; its schedule and audience come along. */
export async function duplicateItem(ctx: MutationCtx, access: MemberAccess, type: ContentTable, id: string): Promise<ApiContent> {
  const doc = await findInWorkspace(ctx.db, type, access.workspaceId, id);
  if (doc === null) throw notFound();
  const { id: _id, createdAt, updatedAt, updatedBy, ...fields } = apiContent(doc);
  const name = `${doc.name} (copy)`.slice(0, 200);
  return apiContent(await createContent(ctx, type, access.workspaceId, { ...fields, name, status: "draft" }, access.member.name));
}

export async function setItemStatus(
  ctx: MutationCtx,
  access: MemberAccess,
  type: ContentTable,
  id: string,
  status: ContentStatus,
): Promise<ApiContent> {
  const doc = await findInWorkspace(ctx.db, type, access.workspaceId, id);
  if (doc === null) throw notFound();
  const updated = await updateContent(ctx, type, doc, { status }, access.member.name);
  if (updated === null) throw notFound();
  return apiContent(updated);
}
