import type { Doc } from "../_generated/dataModel";
import {
  answeredMetric,
  answerMetric,
  buttonMetric,
  METRIC,
  ratingMetric,
  stepMetric,
  taskMetric,
} from "./engagementMetrics";

/**
 * Engagement results as the inbox and `GET /api/v1/{type}/{id}/results` show them, made from
 * summed counters (engagementMetrics.ts). Pure: counters in, views out.
 */

type Totals = ReadonlyMap<string, number>;
const count = (totals: Totals, metric: string) => totals.get(metric) ?? 0;

export type TourResults = {
  type: "tour";
  id: string;
  name: string;
  /** Distinct visitors: shown the tour, went past its first step, finished it. */
  funnel: { viewed: number; started: number; completed: number };
  dismissed: number;
  steps: Array<{ index: number; title: string; reached: number }>;
};

export type TooltipResults = { type: "tooltip"; id: string; name: string; shown: number; opened: number; dismissed: number };

export type OutboundResults = {
  type: "outbound";
  id: string;
  name: string;
  shown: number;
  clicked: number;
  dismissed: number;
  replies: number;
  /** Presses of each button; a chat's Reply is listed last with index null. */
  buttons: Array<{ index: number | null; label: string; clicks: number }>;
};

export type ScoreCount = { value: string; count: number };
export type NpsSummary = { score: number | null; promoters: number; passives: number; detractors: number; responses: number };
export type QuestionResults = {
  id: string;
  title: string;
  questionType: Doc<"surveys">["questions"][number]["type"];
  answered: number;
  /** Choice and score counts, in the question's own order (empty for free text). */
  distribution: ScoreCount[];
  nps: NpsSummary | null;
  /** Free text: the newest answers, newest first. */
  texts: Array<{ text: string; createdAt: number }>;
};
export type SurveyResults = {
  type: "survey";
  id: string;
  name: string;
  shown: number;
  started: number;
  completed: number;
  dismissed: number;
  questions: QuestionResults[];
};

export type ChecklistResults = {
  type: "checklist";
  id: string;
  name: string;
  /** Visitors who completed at least one task. */
  visitors: number;
  completed: number;
  tasks: Array<{ id: string; title: string; completed: number }>;
};

export type EngagementResults = TourResults | TooltipResults | OutboundResults | SurveyResults | ChecklistResults;

export function tourResults(tour: Doc<"tours">, totals: Totals): TourResults {
  return {
    type: "tour",
    id: tour._id,
    name: tour.name,
    funnel: { viewed: count(totals, METRIC.shown), started: count(totals, METRIC.started), completed: count(totals, METRIC.completed) },
    dismissed: count(totals, METRIC.dismissed),
    steps: tour.steps.map((step, index) => ({ index, title: step.title, reached: count(totals, stepMetric(index)) })),
  };
}

export function tooltipResults(tooltip: Doc<"tooltips">, totals: Totals): TooltipResults {
  return {
    type: "tooltip",
    id: tooltip._id,
    name: tooltip.name,
    shown: count(totals, METRIC.shown),
    opened: count(totals, METRIC.shownTimes),
    dismissed: count(totals, METRIC.dismissed),
  };
}

export function outboundResults(message: Doc<"outboundMessages">, totals: Totals): OutboundResults {
  const buttons: OutboundResults["buttons"] = (message.buttons ?? []).map((button, index) => ({
    index,
    label: button.label,
    clicks: count(totals, buttonMetric(index)),
  }));
  if (message.type === "chat") buttons.push({ index: null, label: "Reply", clicks: count(totals, buttonMetric("reply")) });
  return {
    type: "outbound",
    id: message._id,
    name: message.name,
    shown: count(totals, METRIC.shown),
    clicked: count(totals, METRIC.clicked),
    dismissed: count(totals, METRIC.dismissed),
    replies: count(totals, METRIC.replies),
    buttons,
  };
}

const NPS_SCORES = Array.from({ length: 11 }, (_, score) => score);
const RATINGS = [1, 2, 3, 4, 5];

/** NPS: % promoters (9–10) minus % detractors (0–6), rounded; null without answers. */
export function npsSummary(scoreCounts: ReadonlyArray<number>): NpsSummary {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  scoreCounts.forEach((n, score) => {
    if (score >= 9) promoters += n;
    else if (score >= 7) passives += n;
    else detractors += n;
  });
  const responses = promoters + passives + detractors;
  const score = responses === 0 ? null : Math.round(((promoters - detractors) / responses) * 100);
  return { score, promoters, passives, detractors, responses };
}

export function questionResults(
  question: Doc<"surveys">["questions"][number],
  totals: Totals,
  texts: QuestionResults["texts"],
): QuestionResults {
  const values: Array<string | number> =
    question.type === "nps" ? NPS_SCORES : question.type === "rating" ? RATINGS : (question.options ?? []);
  const isText = question.type === "short_text" || question.type === "long_text";
  const distribution = isText ? [] : values.map((value) => ({ value: String(value), count: count(totals, answerMetric(question.id, value)) }));
  return {
    id: question.id,
    title: question.title,
    questionType: question.type,
    answered: count(totals, answeredMetric(question.id)),
    distribution,
    nps: question.type === "nps" ? npsSummary(distribution.map((entry) => entry.count)) : null,
    texts: isText ? texts : [],
  };
}

export function surveyResults(
  survey: Doc<"surveys">,
  totals: Totals,
  textsByQuestion: ReadonlyMap<string, QuestionResults["texts"]>,
): SurveyResults {
  return {
    type: "survey",
    id: survey._id,
    name: survey.name,
    shown: count(totals, METRIC.shown),
    started: count(totals, METRIC.started),
    completed: count(totals, METRIC.completed),
    dismissed: count(totals, METRIC.dismissed),
    questions: survey.questions.map((question) => questionResults(question, totals, textsByQuestion.get(question.id) ?? [])),
  };
}

export function checklistResults(checklist: Doc<"checklists">, totals: Totals): ChecklistResults {
  return {
    type: "checklist",
    id: checklist._id,
    name: checklist.name,
    visitors: count(totals, METRIC.started),
    completed: count(totals, METRIC.completed),
    tasks: checklist.tasks.map((task) => ({ id: task.id, title: task.title, completed: count(totals, taskMetric(task.id)) })),
  };
}

export type CsatDay = { day: string; count: number; sum: number; average: number | null; ratings: number[] };
export type CsatResults = {
  days: number;
  /** First day shown (UTC), inclusive. */
  from: string;
  total: { count: number; average: number | null; ratings: number[] };
  /** One entry per day from `from` to today, days without ratings included. */
  daily: CsatDay[];
};

const average = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

/** `dayTotals`: summed counters of each day that has any. */
export function csatResults(dayList: readonly string[], dayTotals: ReadonlyMap<string, Totals>): CsatResults {
  const daily = dayList.map((day): CsatDay => {
    const totals = dayTotals.get(day) ?? new Map<string, number>();
    const n = count(totals, METRIC.csatCount);
    const sum = count(totals, METRIC.csatSum);
    return { day, count: n, sum, average: average(sum, n), ratings: RATINGS.map((rating) => count(totals, ratingMetric(rating))) };
  });
  const n = daily.reduce((total, day) => total + day.count, 0);
  const sum = daily.reduce((total, day) => total + day.sum, 0);
  const ratings = RATINGS.map((_, index) => daily.reduce((total, day) => total + (day.ratings[index] ?? 0), 0));
  return { days: dayList.length, from: dayList[0] ?? "", total: { count: n, average: average(sum, n), ratings }, daily };
}
