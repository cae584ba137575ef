import type { Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import {
  CounterDeltas,
  dayKey,
  DAY_MS,
  METRIC,
  stepMetric,
  taskMetric,
  type CounterItemType,
} from "../lib/engagementMetrics";
import { addCounters, csatDeltas, saveTextAnswers, surveyResponseDeltas } from "./engagementStats";
import { findInWorkspace } from "./engagement";
import { CSAT_MAX_DAYS, TABLE_OF } from "./engagementResults";

/**
 * Rebuilding one item's counters from the per-visitor rows (tourProgress, impressions,
 * surveyResponses, checklistProgress, csatRatings), a bounded batch per mutation: for data
 * recorded before counting existed, and for the demo seed. Counts made while a rebuild runs
 * may land twice; run it on a quiet item. Outbound replies are not rebuilt (conversations are
 * not indexed by the message that started them): they count from when counting began.
 */

export type RebuildPhase = "clear" | "clearTexts" | "count" | "responses";
export type RebuildStep = {
  workspaceId: Id<"workspaces">;
  type: CounterItemType;
  id: string;
  phase: RebuildPhase;
  cursor: string | null;
};

export const REBUILD_BATCH = 200;
const CLEAR_BATCH = 500;
/** Rebuilt counts go to one shard: a rebuild is one writer. */
const REBUILD_SHARD = 0;

type Db = DatabaseWriter;
type Outcome = { next: RebuildStep | null; processed: number };

async function clearCounters(db: Db, step: RebuildStep): Promise<Outcome> {
  const rows = await db
    .query("engagementCounters")
    .withIndex("by_item_metric", (q) =>
      step.type === "csat"
        ? q.eq("workspaceId", step.workspaceId).eq("itemType", "csat")
        : q.eq("workspaceId", step.workspaceId).eq("itemType", step.type).eq("itemId", step.id),
    )
    .take(CLEAR_BATCH);
  for (const row of rows) await db.delete("engagementCounters", row._id);
  if (rows.length === CLEAR_BATCH) return { next: step, processed: rows.length };
  return { next: { ...step, phase: step.type === "survey" ? "clearTexts" : "count" }, processed: rows.length };
}

async function clearTexts(db: Db, step: RebuildStep): Promise<Outcome> {
  const rows = await db
    .query("surveyTextAnswers")
    .withIndex("by_survey_question_created", (q) => q.eq("surveyId", step.id as Id<"surveys">))
    .take(CLEAR_BATCH);
  for (const row of rows) await db.delete("surveyTextAnswers", row._id);
  return { next: rows.length === CLEAR_BATCH ? step : { ...step, phase: "count" }, processed: rows.length };
}

function page(step: RebuildStep) {
  return { numItems: REBUILD_BATCH, cursor: step.cursor };
}

async function countTours(db: Db, step: RebuildStep, deltas: CounterDeltas) {
  const result = await db.query("tourProgress").withIndex("by_tour", (q) => q.eq("tourId", step.id as Id<"tours">)).paginate(page(step));
  for (const row of result.page) {
    const furthest = row.furthestStepIndex ?? row.stepIndex;
    deltas.add(METRIC.shown);
    for (let index = 0; index <= furthest; index += 1) deltas.add(stepMetric(index));
    if (furthest >= 1 || row.completedAt !== undefined) deltas.add(METRIC.started);
    if (row.completedAt !== undefined) deltas.add(METRIC.completed);
    if (row.dismissedAt !== undefined) deltas.add(METRIC.dismissed);
  }
  return result;
}

async function countImpressions(db: Db, step: RebuildStep, deltas: CounterDeltas) {
  const contentType = step.type === "tooltip" ? "tooltip" : step.type === "outbound" ? "outbound" : "survey";
  const result = await db
    .query("impressions")
    .withIndex("by_content", (q) => q.eq("contentType", contentType).eq("contentId", step.id))
    .paginate(page(step));
  for (const row of result.page) {
    if (row.shownCount > 0) deltas.add(METRIC.shown).add(METRIC.shownTimes, row.shownCount);
    if (row.dismissedAt !== undefined) deltas.add(METRIC.dismissed);
    if (row.clickedAt !== undefined) deltas.add(METRIC.clicked);
    if (row.startedAt !== undefined) deltas.add(METRIC.started);
  }
  return result;
}

async function countResponses(db: Db, step: RebuildStep, deltas: CounterDeltas) {
  const survey = await findInWorkspace(db, "surveys", step.workspaceId, step.id);
  const result = await db
    .query("surveyResponses")
    .withIndex("by_survey_created", (q) => q.eq("surveyId", step.id as Id<"surveys">))
    .paginate(page(step));
  if (survey === null) return result;
  for (const row of result.page) {
    for (const [metric, by] of surveyResponseDeltas(survey, row.answers).byMetric) deltas.add(metric, by);
    await saveTextAnswers(db, survey, row.answers, row.createdAt);
  }
  return result;
}

async function countChecklists(db: Db, step: RebuildStep, deltas: CounterDeltas) {
  const result = await db
    .query("checklistProgress")
    .withIndex("by_checklist", (q) => q.eq("checklistId", step.id as Id<"checklists">))
    .paginate(page(step));
  for (const row of result.page) {
    if (row.completedTaskIds.length > 0) deltas.add(METRIC.started);
    for (const taskId of row.completedTaskIds) deltas.add(taskMetric(taskId));
    if (row.completedAt !== undefined) deltas.add(METRIC.completed);
  }
  return result;
}

/** CSAT spans days: one tally per day. */
async function countCsat(db: Db, step: RebuildStep, now: number) {
  const since = now - (CSAT_MAX_DAYS - 1) * DAY_MS;
  const result = await db
    .query("csatRatings")
    .withIndex("by_workspace_created", (q) => q.eq("workspaceId", step.workspaceId).gte("createdAt", Math.floor(since / DAY_MS) * DAY_MS))
    .paginate(page(step));
  const byDay = new Map<string, CounterDeltas>();
  for (const row of result.page) {
    const day = dayKey(row.createdAt);
    const deltas = byDay.get(day) ?? new CounterDeltas();
    for (const [metric, by] of csatDeltas(row.rating).byMetric) deltas.add(metric, by);
    byDay.set(day, deltas);
  }
  for (const [day, deltas] of byDay) {
    await addCounters(db, { workspaceId: step.workspaceId, itemType: "csat", itemId: day }, deltas, REBUILD_SHARD);
  }
  return result;
}

async function countBatch(db: Db, step: RebuildStep, now: number): Promise<Outcome> {
  const deltas = new CounterDeltas();
  const result =
    step.type === "csat"
      ? await countCsat(db, step, now)
      : step.phase === "responses"
        ? await countResponses(db, step, deltas)
        : step.type === "tour"
          ? await countTours(db, step, deltas)
          : step.type === "checklist"
            ? await countChecklists(db, step, deltas)
            : await countImpressions(db, step, deltas);
  if (step.type !== "csat") await addCounters(db, { workspaceId: step.workspaceId, itemType: step.type, itemId: step.id }, deltas, REBUILD_SHARD);
  const processed = result.page.length;
  if (!result.isDone) return { next: { ...step, cursor: result.continueCursor }, processed };
  if (step.type === "survey" && step.phase === "count") return { next: { ...step, phase: "responses", cursor: null }, processed };
  return { next: null, processed };
}

/** Runs one bounded batch of a rebuild; returns the step to schedule next, or null when done. */
export async function rebuildBatch(db: Db, step: RebuildStep, now: number): Promise<Outcome> {
  if (step.type !== "csat" && (await findInWorkspace(db, TABLE_OF[step.type], step.workspaceId, step.id)) === null) {
    return { next: null, processed: 0 };
  }
  switch (step.phase) {
    case "clear":
      return await clearCounters(db, step);
    case "clearTexts":
      return await clearTexts(db, step);
    default:
      return await countBatch(db, step, now);
  }
}
