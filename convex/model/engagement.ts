import type { Doc, Id, TableNames } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import type { ExposureHistory } from "../../core/engagement/frequency";
import type { AudienceContext } from "../../core/engagement/rules";
import { appError } from "../lib/errors";
import {
  byPriority,
  eventsReferencedBy,
  impressionHistory,
  isTargeted,
  visitorContext,
  type Targeted,
} from "../lib/eligibility";
import type { ImpressionContentType } from "../lib/engagementValidators";
import { countImpression, type ImpressionEvent } from "./engagementStats";

/** Database helpers shared by the engagement modules (tours, tooltips, …). */

export type ContentTable = "tours" | "tooltips" | "outboundMessages" | "surveys" | "checklists";

/** A workspace serves at most this many active items of one kind. */
export const ACTIVE_CONTENT_LIMIT = 100;

/** A content document, with the targeting fields every content table shares made visible to TypeScript. */
export type ContentDoc<T extends ContentTable> = Doc<T> & Targeted;

export async function activeContent<T extends ContentTable>(
  db: DatabaseReader,
  table: T,
  workspaceId: Id<"workspaces">,
): Promise<ContentDoc<T>[]> {
  // Each content table has the same by_workspace_status index; TypeScript cannot see that through the union.
  const query = db.query(table as "tours").withIndex("by_workspace_status", (q) =>
    q.eq("workspaceId", workspaceId).eq("status", "active"),
  );
  return (await query.take(ACTIVE_CONTENT_LIMIT)) as unknown as ContentDoc<T>[];
}

/** How often the visitor tracked each of `names` (0 when never). */
export async function eventCountsFor(
  db: DatabaseReader,
  visitorId: Id<"visitors">,
  names: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const rows = await Promise.all(
    names.map((name) =>
      db
        .query("visitorEventCounts")
        .withIndex("by_visitor_name", (q) => q.eq("visitorId", visitorId).eq("name", name))
        .unique(),
    ),
  );
  names.forEach((name, index) => (counts[name] = rows[index]?.count ?? 0));
  return counts;
}

export type VisitorView = { db: DatabaseReader; visitor: Doc<"visitors">; workspace: Doc<"workspaces"> };

/**
 * The active items of `table` this visitor may see on `url` now (audience,
 * schedule, URL trigger), best first, with the context they were judged in.
 */
export async function targetedContent<T extends ContentTable>(
  view: VisitorView,
  table: T,
  url: string | undefined,
): Promise<{ items: ContentDoc<T>[]; context: AudienceContext }> {
  const all = await activeContent(view.db, table, view.workspace._id);
  const counts = await eventCountsFor(view.db, view.visitor._id, eventsReferencedBy(all));
  const context = visitorContext(view.visitor, counts, url);
  const now = Date.now();
  const items = all.filter((item) => isTargeted(item, context, now)).sort(byPriority);
  return { items, context };
}

/** A document of `table` in this workspace, or null for malformed, unknown or foreign ids. */
export async function findInWorkspace<T extends TableNames>(
  db: DatabaseReader,
  table: T,
  workspaceId: Id<"workspaces">,
  id: string,
): Promise<Doc<T> | null> {
  const normalized = db.normalizeId(table, id);
  const doc = normalized === null ? null : await db.get(normalized);
  if (doc === null || !("workspaceId" in doc) || doc.workspaceId !== workspaceId) return null;
  return doc;
}

/** Like findInWorkspace, for visitor-facing calls: NOT_FOUND names the argument. */
export async function getInWorkspace<T extends TableNames>(
  db: DatabaseReader,
  table: T,
  workspaceId: Id<"workspaces">,
  id: string,
  field: string,
): Promise<Doc<T>> {
  const doc = await findInWorkspace(db, table, workspaceId, id);
  if (doc === null) throw appError("NOT_FOUND", "No such item.", field);
  return doc;
}

function impressionRow(db: DatabaseReader, visitorId: Id<"visitors">, type: ImpressionContentType, contentId: string) {
  return db
    .query("impressions")
    .withIndex("by_visitor_content", (q) =>
      q.eq("visitorId", visitorId).eq("contentType", type).eq("contentId", contentId),
    )
    .unique();
}

/** The visitor's frequency history for every item of one kind, by content id. */
export async function historiesOf(
  db: DatabaseReader,
  visitorId: Id<"visitors">,
  type: ImpressionContentType,
): Promise<Map<string, ExposureHistory>> {
  const rows = await db
    .query("impressions")
    .withIndex("by_visitor_content", (q) => q.eq("visitorId", visitorId).eq("contentType", type))
    .collect();
  return new Map(rows.map((row) => [row.contentId, impressionHistory(row)]));
}

export type ImpressionAction = ImpressionEvent["action"];

function impressionChange(existing: Doc<"impressions"> | null, action: ImpressionAction, now: number) {
  switch (action) {
    case "shown":
      return { shownCount: (existing?.shownCount ?? 0) + 1, lastShownAt: now };
    case "dismissed":
      return { dismissedAt: now };
    case "clicked":
      return { clickedAt: now };
    case "started":
      // The first start is the one results count; later ones keep it.
      return { startedAt: existing?.startedAt ?? now };
  }
}

/**
 * Records that an item was shown, dismissed, started (surveys) or clicked (its call to
 * action; `button` says which) by the visitor, and counts it into the item's results.
 */
export async function recordImpression(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  type: ImpressionContentType,
  contentId: string,
  event: ImpressionAction | ImpressionEvent,
  now: number,
): Promise<void> {
  const { action, ...details } = typeof event === "string" ? { action: event } : event;
  const existing = await impressionRow(db, visitor._id, type, contentId);
  await countImpression(db, visitor, type, contentId, existing, { action, ...details } as ImpressionEvent);
  const change = impressionChange(existing, action, now);
  if (existing !== null) {
    await db.patch("impressions", existing._id, { ...change, updatedAt: now });
    return;
  }
  await db.insert("impressions", {
    workspaceId: visitor.workspaceId,
    visitorId: visitor._id,
    contentType: type,
    contentId,
    shownCount: 0,
    ...change,
    updatedAt: now,
  });
}
