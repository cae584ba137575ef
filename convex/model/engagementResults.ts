import type { Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { DAY_MS, dayKey, sumByMetric, type CounterItemType, type ResultItemType } from "../lib/engagementMetrics";
import {
  checklistResults,
  csatResults,
  outboundResults,
  surveyResults,
  tooltipResults,
  tourResults,
  type CsatResults,
  type EngagementResults,
  type QuestionResults,
} from "../lib/engagementResultViews";
import { findInWorkspace, type ContentTable } from "./engagement";

/** Reading engagement results: every read is an index range over counters, bounded. */

export const TABLE_OF: Record<ResultItemType, ContentTable> = {
  tour: "tours",
  tooltip: "tooltips",
  outbound: "outboundMessages",
  survey: "surveys",
  checklist: "checklists",
};

/** Counter rows read for one item at most: metrics × shards stays far below this. */
const MAX_COUNTER_ROWS = 10_000;
/** Free-text answers listed per question. */
export const TEXT_ANSWERS_SHOWN = 50;
export const CSAT_MAX_DAYS = 90;

async function itemTotals(db: DatabaseReader, workspaceId: Id<"workspaces">, itemType: CounterItemType, itemId: string) {
  const rows = await db
    .query("engagementCounters")
    .withIndex("by_item_metric", (q) => q.eq("workspaceId", workspaceId).eq("itemType", itemType).eq("itemId", itemId))
    .take(MAX_COUNTER_ROWS);
  return sumByMetric(rows);
}

async function newestTexts(db: DatabaseReader, surveyId: Id<"surveys">, questionId: string): Promise<QuestionResults["texts"]> {
  const rows = await db
    .query("surveyTextAnswers")
    .withIndex("by_survey_question_created", (q) => q.eq("surveyId", surveyId).eq("questionId", questionId))
    .order("desc")
    .take(TEXT_ANSWERS_SHOWN);
  return rows.map((row) => ({ text: row.text, createdAt: row.createdAt }));
}

/** One item's results, or null when it is not an item of this workspace. */
export async function loadResults(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  type: ResultItemType,
  id: string,
): Promise<EngagementResults | null> {
  const totalsOf = (itemId: string) => itemTotals(db, workspaceId, type, itemId);
  switch (type) {
    case "tour": {
      const tour = await findInWorkspace(db, "tours", workspaceId, id);
      return tour && tourResults(tour, await totalsOf(tour._id));
    }
    case "tooltip": {
      const tooltip = await findInWorkspace(db, "tooltips", workspaceId, id);
      return tooltip && tooltipResults(tooltip, await totalsOf(tooltip._id));
    }
    case "outbound": {
      const message = await findInWorkspace(db, "outboundMessages", workspaceId, id);
      return message && outboundResults(message, await totalsOf(message._id));
    }
    case "checklist": {
      const checklist = await findInWorkspace(db, "checklists", workspaceId, id);
      return checklist && checklistResults(checklist, await totalsOf(checklist._id));
    }
    case "survey": {
      const survey = await findInWorkspace(db, "surveys", workspaceId, id);
      if (survey === null) return null;
      const textQuestions = survey.questions.filter((q) => q.type === "short_text" || q.type === "long_text");
      const [totals, texts] = await Promise.all([
        totalsOf(survey._id),
        Promise.all(textQuestions.map((q) => newestTexts(db, survey._id, q.id))),
      ]);
      return surveyResults(survey, totals, new Map(textQuestions.map((q, index) => [q.id, texts[index] ?? []])));
    }
  }
}

/** The UTC days of the last `days` days, oldest first, today last. */
export function lastDays(days: number, now: number): string[] {
  return Array.from({ length: days }, (_, index) => dayKey(now - (days - 1 - index) * DAY_MS));
}

export async function loadCsat(db: DatabaseReader, workspaceId: Id<"workspaces">, days: number, now: number): Promise<CsatResults> {
  const dayList = lastDays(days, now);
  const rows = await db
    .query("engagementCounters")
    .withIndex("by_item_metric", (q) => q.eq("workspaceId", workspaceId).eq("itemType", "csat").gte("itemId", dayList[0] ?? ""))
    .take(MAX_COUNTER_ROWS);
  const byDay = new Map<string, Array<{ metric: string; value: number }>>();
  for (const row of rows) byDay.set(row.itemId, [...(byDay.get(row.itemId) ?? []), row]);
  return csatResults(dayList, new Map([...byDay].map(([day, dayRows]) => [day, sumByMetric(dayRows)])));
}
