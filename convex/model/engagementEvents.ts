import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { applyEvent, completesTask, emptyProgress, type ChecklistEvent } from "../../core/engagement/checklist-machine";
import { activeContent } from "./engagement";
import { countChecklistUpdate } from "./engagementStats";

/**
 * What a tracked event changes for engagement: the visitor's counter for that
 * event name (audience rules like `{event, op: "gt", count}`), and checklist
 * tasks that complete on that event or on visiting that URL.
 */

export async function checklistProgressRow(
  db: DatabaseReader,
  visitorId: Id<"visitors">,
  checklistId: Id<"checklists">,
): Promise<Doc<"checklistProgress"> | null> {
  return await db
    .query("checklistProgress")
    .withIndex("by_visitor_checklist", (q) => q.eq("visitorId", visitorId).eq("checklistId", checklistId))
    .unique();
}

export async function bumpEventCount(db: DatabaseWriter, visitor: Doc<"visitors">, name: string, now: number) {
  const row = await db
    .query("visitorEventCounts")
    .withIndex("by_visitor_name", (q) => q.eq("visitorId", visitor._id).eq("name", name))
    .unique();
  if (row === null) {
    await db.insert("visitorEventCounts", {
      workspaceId: visitor.workspaceId,
      visitorId: visitor._id,
      name,
      count: 1,
      lastAt: now,
    });
  } else {
    await db.patch("visitorEventCounts", row._id, { count: row.count + 1, lastAt: now });
  }
}

export type CompletedTask = { checklistId: Id<"checklists">; taskId: string };

/** Applies one event to one checklist's progress; writes only when a task completes. */
export async function applyToChecklist(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  checklist: Doc<"checklists">,
  event: ChecklistEvent,
  now: number,
): Promise<CompletedTask[]> {
  const row = await checklistProgressRow(db, visitor._id, checklist._id);
  const current = row === null ? emptyProgress({ id: checklist._id }) : { ...row, checklistId: checklist._id };
  const update = applyEvent({ id: checklist._id, tasks: checklist.tasks }, current, event, now);
  if (update.newlyCompleted.length === 0) return [];
  const { completedTaskIds, completedAt } = update.progress;
  const changes = { completedTaskIds, updatedAt: now, ...(completedAt !== undefined ? { completedAt } : {}) };
  await countChecklistUpdate(db, visitor, checklist._id, row, update.newlyCompleted, completedAt !== undefined);
  if (row === null) {
    await db.insert("checklistProgress", {
      workspaceId: visitor.workspaceId,
      visitorId: visitor._id,
      checklistId: checklist._id,
      ...changes,
    });
  } else {
    await db.patch("checklistProgress", row._id, changes);
  }
  return update.newlyCompleted.map((taskId) => ({ checklistId: checklist._id, taskId }));
}

/**
 * Applies an event to every active checklist of the visitor's workspace.
 * Audiences are not consulted: progress made before a visitor qualifies for a
 * checklist still counts once it shows.
 */
export async function applyChecklistEvent(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  event: ChecklistEvent,
  now: number,
): Promise<CompletedTask[]> {
  const checklists = await activeContent(db, "checklists", visitor.workspaceId);
  const completed: CompletedTask[] = [];
  for (const checklist of checklists) {
    // Most events complete nothing: only read progress when some task could complete.
    if (!checklist.tasks.some((task) => completesTask(task, event))) continue;
    completed.push(...(await applyToChecklist(db, visitor, checklist, event, now)));
  }
  return completed;
}

/** Called by events:track for every event the widget records. */
export async function recordEngagementEvent(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  event: { name: string; url?: string | undefined },
  now: number,
): Promise<CompletedTask[]> {
  await bumpEventCount(db, visitor, event.name, now);
  const completed = await applyChecklistEvent(db, visitor, { type: "event", name: event.name }, now);
  if (event.url !== undefined) completed.push(...(await applyChecklistEvent(db, visitor, { type: "url", url: event.url }, now)));
  return completed;
}
