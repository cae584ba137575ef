import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import {
  answeredMetric,
  answerMetric,
  buttonMetric,
  CounterDeltas,
  dayKey,
  METRIC,
  ratingMetric,
  shardOf,
  stepMetric,
  taskMetric,
  type CounterItemType,
} from "../lib/engagementMetrics";
import type { ImpressionContentType } from "../lib/engagementValidators";

/**
 * Counting engagement results as events arrive: each recording mutation (tours, tooltips,
 * outbound messages, surveys, checklists, CSAT) calls one of these with the visitor's row as
 * it was before the event, which says whether this is the visitor's first time.
 */

export type CounterItem = { workspaceId: Id<"workspaces">; itemType: CounterItemType; itemId: string };

/** Adds `deltas` to the item's counters, on the shard of `shardKey` (a visitor id). */
export async function addCounters(db: DatabaseWriter, item: CounterItem, deltas: CounterDeltas, shardKey: string | number): Promise<void> {
  const shard = typeof shardKey === "number" ? shardKey : shardOf(shardKey);
  for (const [metric, by] of deltas.byMetric) {
    if (by === 0) continue;
    const row = await db
      .query("engagementCounters")
      .withIndex("by_item_metric", (q) =>
        q.eq("workspaceId", item.workspaceId).eq("itemType", item.itemType).eq("itemId", item.itemId).eq("metric", metric).eq("shard", shard),
      )
      .unique();
    if (row === null) await db.insert("engagementCounters", { ...item, metric, shard, value: by });
    else await db.patch("engagementCounters", row._id, { value: row.value + by });
  }
}

type TourStep = { stepIndex: number; status: Doc<"tourProgress">["status"] };

/** What one progress report adds to a tour's funnel, given the visitor's row before it. */
export function tourProgressDeltas(before: Doc<"tourProgress"> | null, report: TourStep): { deltas: CounterDeltas; furthest: number } {
  const deltas = new CounterDeltas();
  const furthestBefore = before === null ? -1 : (before.furthestStepIndex ?? before.stepIndex);
  const furthest = Math.max(furthestBefore, report.stepIndex);
  if (before === null) deltas.add(METRIC.shown);
  for (let index = furthestBefore + 1; index <= furthest; index += 1) deltas.add(stepMetric(index));
  const wasStarted = furthestBefore >= 1 || before?.completedAt !== undefined;
  if (!wasStarted && (furthest >= 1 || report.status === "completed")) deltas.add(METRIC.started);
  if (report.status === "completed" && before?.completedAt === undefined) deltas.add(METRIC.completed);
  if (report.status === "dismissed" && before?.dismissedAt === undefined) deltas.add(METRIC.dismissed);
  return { deltas, furthest };
}

export async function countTourProgress(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  tourId: Id<"tours">,
  before: Doc<"tourProgress"> | null,
  report: TourStep,
): Promise<number> {
  const { deltas, furthest } = tourProgressDeltas(before, report);
  await addCounters(db, { workspaceId: visitor.workspaceId, itemType: "tour", itemId: tourId }, deltas, visitor._id);
  return furthest;
}

const ITEM_TYPE_OF: Record<ImpressionContentType, CounterItemType> = { tooltip: "tooltip", outbound: "outbound", survey: "survey" };

export type ImpressionEvent =
  | { action: "shown" | "dismissed" | "started" }
  | { action: "clicked"; button?: number | "reply" | undefined };

/** What one impression adds, given the visitor's impression row before it. */
export function impressionDeltas(before: Doc<"impressions"> | null, event: ImpressionEvent): CounterDeltas {
  const deltas = new CounterDeltas();
  switch (event.action) {
    case "shown":
      if ((before?.shownCount ?? 0) === 0) deltas.add(METRIC.shown);
      return deltas.add(METRIC.shownTimes);
    case "dismissed":
      return before?.dismissedAt === undefined ? deltas.add(METRIC.dismissed) : deltas;
    case "started":
      return before?.startedAt === undefined ? deltas.add(METRIC.started) : deltas;
    case "clicked":
      if (before?.clickedAt === undefined) deltas.add(METRIC.clicked);
      return event.button === undefined ? deltas : deltas.add(buttonMetric(event.button));
  }
}

export async function countImpression(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  type: ImpressionContentType,
  contentId: string,
  before: Doc<"impressions"> | null,
  event: ImpressionEvent,
): Promise<void> {
  const item = { workspaceId: visitor.workspaceId, itemType: ITEM_TYPE_OF[type], itemId: contentId };
  await addCounters(db, item, impressionDeltas(before, event), visitor._id);
}

type Answer = Doc<"surveyResponses">["answers"][number];

/** What one stored response adds: a completion, and each answer to its question's distribution. */
export function surveyResponseDeltas(survey: Doc<"surveys">, answers: readonly Answer[]): CounterDeltas {
  const deltas = new CounterDeltas().add(METRIC.completed);
  const types = new Map(survey.questions.map((question) => [question.id, question.type]));
  for (const { questionId, value } of answers) {
    const type = types.get(questionId);
    if (type === undefined) continue;
    deltas.add(answeredMetric(questionId));
    if (type === "short_text" || type === "long_text") continue;
    for (const choice of Array.isArray(value) ? value : [value]) deltas.add(answerMetric(questionId, choice));
  }
  return deltas;
}

export async function countSurveyResponse(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  survey: Doc<"surveys">,
  answers: readonly Answer[],
  now: number,
): Promise<void> {
  const item = { workspaceId: visitor.workspaceId, itemType: "survey" as const, itemId: survey._id };
  await addCounters(db, item, surveyResponseDeltas(survey, answers), visitor._id);
  await saveTextAnswers(db, survey, answers, now);
}

export async function saveTextAnswers(db: DatabaseWriter, survey: Doc<"surveys">, answers: readonly Answer[], createdAt: number) {
  const textQuestions = new Set(survey.questions.filter((q) => q.type === "short_text" || q.type === "long_text").map((q) => q.id));
  for (const { questionId, value } of answers) {
    if (!textQuestions.has(questionId) || typeof value !== "string" || value.trim() === "") continue;
    await db.insert("surveyTextAnswers", { workspaceId: survey.workspaceId, surveyId: survey._id, questionId, text: value, createdAt });
  }
}

/** What a checklist update adds, given the visitor's progress row before it. */
export function checklistDeltas(before: Doc<"checklistProgress"> | null, newlyCompleted: readonly string[], completedNow: boolean): CounterDeltas {
  const deltas = new CounterDeltas();
  if (before === null && newlyCompleted.length > 0) deltas.add(METRIC.started);
  for (const taskId of newlyCompleted) deltas.add(taskMetric(taskId));
  if (completedNow && before?.completedAt === undefined) deltas.add(METRIC.completed);
  return deltas;
}

export async function countChecklistUpdate(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  checklistId: Id<"checklists">,
  before: Doc<"checklistProgress"> | null,
  newlyCompleted: readonly string[],
  completedNow: boolean,
): Promise<void> {
  const item = { workspaceId: visitor.workspaceId, itemType: "checklist" as const, itemId: checklistId };
  await addCounters(db, item, checklistDeltas(before, newlyCompleted, completedNow), visitor._id);
}

export function csatDeltas(rating: number): CounterDeltas {
  return new CounterDeltas().add(METRIC.csatCount).add(METRIC.csatSum, rating).add(ratingMetric(rating));
}

/** A CSAT rating lands in its UTC day's bucket. */
export async function countCsatRating(db: DatabaseWriter, workspaceId: Id<"workspaces">, rating: number, at: number, shardKey: string): Promise<void> {
  await addCounters(db, { workspaceId, itemType: "csat", itemId: dayKey(at) }, csatDeltas(rating), shardKey);
}

/**
 * A visitor's message in a conversation an outbound chat's Reply started counts as a reply,
 * once per conversation: call it before the message is stored.
 */
export async function countOutboundReply(db: DatabaseWriter, conversation: Doc<"conversations">): Promise<void> {
  const messageId = conversation.sourceOutboundMessageId;
  if (messageId === undefined) return;
  // The conversation opens with the chat's own message; a visitor's line before this one means it was counted.
  const earlier = await db
    .query("messages")
    .withIndex("by_conversation_created", (q) => q.eq("conversationId", conversation._id))
    .filter((q) => q.eq(q.field("senderType"), "visitor"))
    .first();
  if (earlier !== null) return;
  const item = { workspaceId: conversation.workspaceId, itemType: "outbound" as const, itemId: messageId };
  await addCounters(db, item, new CounterDeltas().add(METRIC.replies), conversation.visitorId);
}
