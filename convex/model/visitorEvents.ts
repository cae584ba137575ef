import type { Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { eventKind, type EventKind } from "../../core/engagement/event-names";
import type { attributesValidator } from "../lib/validators";
import type { Infer } from "convex/values";

/*
 * A visitor's event log: every row carries its kind, so a reader of one kind
 * (the inbox's page history, the site's own events) reads it by index and a
 * day of presence beats never crowds out the events an operator wants.
 */

export type NewVisitorEvent = {
  workspaceId: Id<"workspaces">;
  visitorId: Id<"visitors">;
  name: string;
  createdAt: number;
  properties?: Infer<typeof attributesValidator>;
  url?: string;
};

export async function insertVisitorEvent(db: DatabaseWriter, event: NewVisitorEvent): Promise<Id<"events">> {
  return await db.insert("events", { ...event, kind: eventKind(event.name) });
}

/** The visitor's newest events of one kind, newest first, at most `limit`. */
export async function newestEventsOfKind(db: DatabaseReader, visitorId: Id<"visitors">, kind: EventKind, limit: number) {
  return await db
    .query("events")
    .withIndex("by_visitor_kind_created", (q) => q.eq("visitorId", visitorId).eq("kind", kind))
    .order("desc")
    .take(limit);
}
