import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { CounterDeltas, DAY_MS, dayKey } from "../lib/engagementMetrics";
import { activeContent } from "./engagement";
import { addChecklistRow, addImpressionRow, addTourRow } from "./engagementRebuild";
import { addCounters, csatDeltas, saveTextAnswers, surveyResponseDeltas, trimTextAnswers } from "./engagementStats";

/**
 * Sample visitor activity on a workspace's active engagement items (the first of each kind):
 * tour progress, tooltip / outbound / survey impressions, survey responses, checklist
 * progress and CSAT ratings, spread over the last 30 days. The rows are what the widget's
 * calls would leave. With `countNow` the batch is counted as it is written (as the recording
 * mutations do, one counter write per metric per batch); without, the rebuild counts it. The
 * demo seed uses a handful so its results show numbers; the results benchmark 100,000
 * impressions.
 */

export type SampleItems = {
  tour: Doc<"tours"> | null;
  tooltip: Doc<"tooltips"> | null;
  outbound: Doc<"outboundMessages"> | null;
  survey: Doc<"surveys"> | null;
  checklist: Doc<"checklists"> | null;
};

export async function sampleItems(db: DatabaseWriter, workspaceId: Id<"workspaces">): Promise<SampleItems> {
  const first = async <T extends "tours" | "tooltips" | "outboundMessages" | "surveys" | "checklists">(table: T) =>
    (await activeContent(db, table, workspaceId))[0] ?? null;
  return {
    tour: await first("tours"),
    tooltip: await first("tooltips"),
    outbound: await first("outboundMessages"),
    survey: await first("surveys"),
    checklist: await first("checklists"),
  };
}

function sampleAnswer(question: Doc<"surveys">["questions"][number], i: number): Doc<"surveyResponses">["answers"][number]["value"] | null {
  const options = question.options ?? [];
  switch (question.type) {
    case "nps":
      return [10, 9, 9, 8, 10, 7, 6, 3, 9, 10, 5][i % 11]!;
    case "rating":
      return [5, 4, 4, 3, 5, 2][i % 6]!;
    case "single_choice":
      return options.length === 0 ? null : options[i % options.length]!;
    case "multiple_choice":
      return options.length === 0 ? null : [options[i % options.length]!];
    default:
      return i % 4 === 0 ? ["Clear and quick.", "The export saved my afternoon.", "More templates, please.", "Hard to find settings."][(i / 4) % 4]! : null;
  }
}

type Tally = { deltas: Map<string, CounterDeltas>; days: Map<string, CounterDeltas> };
const tallyOf = (map: Map<string, CounterDeltas>, key: string) => map.get(key) ?? map.set(key, new CounterDeltas()).get(key)!;

/** Visitors `from` to `from + count - 1`: about 7 documents each. */
export async function insertSampleActivity(
  db: DatabaseWriter,
  workspaceId: Id<"workspaces">,
  items: SampleItems,
  from: number,
  count: number,
  now: number,
  countNow = false,
) {
  let impressions = 0;
  const tally: Tally = { deltas: new Map(), days: new Map() };
  const texts = new Set<string>();
  // Rows are counted from the values written (the counting functions read fields only).
  const counted = <T>(row: T) => row as never;
  for (let i = from; i < from + count; i += 1) {
    const at = now - (i % 30) * DAY_MS - (i % 97) * 60_000;
    const visitorId = await db.insert("visitors", { workspaceId, sessionId: `sample-visitor-${i}`, lastSeenAt: at, identified: false, verified: false });
    const who = { workspaceId, visitorId };
    if (items.tour !== null) {
      const last = items.tour.steps.length - 1;
      const stepIndex = Math.min(last, i % (last + 2));
      const completed = i % 3 === 0;
      const row = {
        ...who, tourId: items.tour._id, stepIndex: completed ? last : stepIndex, furthestStepIndex: completed ? last : stepIndex,
        status: completed ? "completed" : i % 3 === 1 ? "dismissed" : "in_progress", shownCount: 1, lastShownAt: at, updatedAt: at,
        ...(completed ? { completedAt: at } : i % 3 === 1 ? { dismissedAt: at } : {}),
      } as const;
      await db.insert("tourProgress", row);
      addTourRow(tallyOf(tally.deltas, `tour|${items.tour._id}`), counted(row));
    }
    const impression = async (contentType: "tooltip" | "outbound" | "survey", contentId: string, extra: Partial<Doc<"impressions">>) => {
      const row = { ...who, contentType, contentId, shownCount: 1 + (i % 3), lastShownAt: at, updatedAt: at, ...extra };
      await db.insert("impressions", row);
      addImpressionRow(tallyOf(tally.deltas, `${contentType}|${contentId}`), counted(row));
      impressions += 1;
    };
    if (items.tooltip !== null) await impression("tooltip", items.tooltip._id, i % 4 === 0 ? { dismissedAt: at } : {});
    if (items.outbound !== null) await impression("outbound", items.outbound._id, i % 5 === 0 ? { clickedAt: at } : i % 3 === 0 ? { dismissedAt: at } : {});
    if (items.survey !== null) {
      const answers = i % 2 === 0 ? items.survey.questions.flatMap((q) => { const value = sampleAnswer(q, i); return value === null ? [] : [{ questionId: q.id, value }]; }) : [];
      await impression("survey", items.survey._id, answers.length > 0 ? { startedAt: at } : i % 3 === 0 ? { dismissedAt: at } : {});
      if (answers.length > 0) {
        await db.insert("surveyResponses", { ...who, surveyId: items.survey._id, answers, createdAt: at });
        for (const [metric, by] of surveyResponseDeltas(items.survey, answers).byMetric) tallyOf(tally.deltas, `survey|${items.survey._id}`).add(metric, by);
        if (countNow) for (const questionId of await saveTextAnswers(db, items.survey, answers, at)) texts.add(questionId);
      }
    }
    if (items.checklist !== null) {
      const done = items.checklist.tasks.slice(0, i % (items.checklist.tasks.length + 1)).map((task) => task.id);
      if (done.length > 0) {
        const row = {
          ...who, checklistId: items.checklist._id, completedTaskIds: done, updatedAt: at,
          ...(done.length === items.checklist.tasks.length ? { completedAt: at } : {}),
        };
        await db.insert("checklistProgress", row);
        addChecklistRow(tallyOf(tally.deltas, `checklist|${items.checklist._id}`), counted(row));
      }
    }
    if (i % 5 === 0) {
      const conversationId = await db.insert("conversations", {
        workspaceId, visitorId, status: "closed", lastMessageAt: at, lastMessagePreview: "Thanks, that solved it.", unreadByVisitor: 0, unreadByAgent: 0,
      });
      await db.insert("messages", { conversationId, workspaceId, senderType: "visitor", body: "Thanks, that solved it.", visitorId, createdAt: at });
      const rating = [5, 4, 5, 3, 4, 2, 5][i % 7]!;
      await db.insert("csatRatings", { ...who, conversationId, rating, createdAt: at });
      for (const [metric, by] of csatDeltas(rating).byMetric) tallyOf(tally.days, dayKey(at)).add(metric, by);
    }
  }
  if (countNow) await writeTally(db, workspaceId, tally, from);
  if (items.survey !== null) for (const questionId of texts) await trimTextAnswers(db, items.survey._id, questionId);
  return { visitors: count, impressions };
}

async function writeTally(db: DatabaseWriter, workspaceId: Id<"workspaces">, tally: Tally, batch: number) {
  for (const [key, deltas] of tally.deltas) {
    const [itemType, itemId] = key.split("|") as ["tour", string];
    await addCounters(db, { workspaceId, itemType, itemId }, deltas, `sample-batch-${batch}`);
  }
  for (const [day, deltas] of tally.days) await addCounters(db, { workspaceId, itemType: "csat", itemId: day }, deltas, 0);
}
