import type { Doc, Id } from "../_generated/dataModel";
import { completionRatio, type TaskCompletion } from "../../core/engagement/checklist-machine";
import { isDue, type ExposureHistory } from "../../core/engagement/frequency";
import type { SurveyQuestion } from "../../core/engagement/survey-answers";
import type { Placement, TourStep } from "../../core/engagement/tour-machine";
import type { Trigger } from "../../core/engagement/triggers";

/**
 * What the widget receives for each engagement kind. Built field by field (no
 * spreads), so workspace ids, audiences and admin-only columns never reach a
 * browser. Optional texts are `null` when unset.
 */

export type WidgetTour = {
  id: Id<"tours">;
  name: string;
  description: string | null;
  /** The visitor's state; a dismissed tour reads "new" (it may be started again) with `dismissed: true`. */
  status: "new" | "in_progress" | "completed";
  dismissed: boolean;
  /** Where to resume an in-progress tour; 0 otherwise. */
  stepIndex: number;
  steps: TourStep[];
  trigger: Trigger;
  priority: number;
  /** Start (or resume) it without being asked once its trigger fires: in progress, or due by its frequency. */
  autoStart: boolean;
};

export function tourHistory(progress: Doc<"tourProgress"> | null): ExposureHistory {
  if (progress === null) return { shownCount: 0 };
  const history: ExposureHistory = { shownCount: progress.shownCount, lastShownAt: progress.lastShownAt };
  if (progress.completedAt !== undefined) history.completedAt = progress.completedAt;
  if (progress.dismissedAt !== undefined) history.dismissedAt = progress.dismissedAt;
  return history;
}

export function widgetTour(tour: Doc<"tours">, progress: Doc<"tourProgress"> | null, now: number): WidgetTour {
  const status = progress?.status ?? "new";
  const inProgress = status === "in_progress";
  return {
    id: tour._id,
    name: tour.name,
    description: tour.description ?? null,
    status: status === "dismissed" ? "new" : status,
    dismissed: status === "dismissed",
    stepIndex: inProgress ? Math.min(progress?.stepIndex ?? 0, Math.max(0, tour.steps.length - 1)) : 0,
    steps: tour.steps.map((step) => ({ ...step })),
    trigger: tour.trigger,
    priority: tour.priority ?? 0,
    autoStart: inProgress || isDue(tour.frequency, tourHistory(progress), now),
  };
}

export type WidgetTooltip = {
  id: Id<"tooltips">;
  name: string;
  selector: string;
  placement: Placement;
  showOn: "auto" | "hover" | "click";
  title: string | null;
  body: string;
  trigger: Trigger;
  priority: number;
};

export function widgetTooltip(tooltip: Doc<"tooltips"> & { selector: string }): WidgetTooltip {
  return {
    id: tooltip._id,
    name: tooltip.name,
    selector: tooltip.selector,
    placement: tooltip.placement ?? "auto",
    showOn: tooltip.showOn ?? "auto",
    title: tooltip.title ?? null,
    body: tooltip.body,
    trigger: tooltip.trigger,
    priority: tooltip.priority ?? 0,
  };
}

export type WidgetOutboundMessage = {
  id: Id<"outboundMessages">;
  name: string;
  /** post: modal card; chat: a message from `senderName` in a chat bubble; banner: a strip. */
  type: "post" | "chat" | "banner";
  title: string | null;
  body: string;
  senderName: string | null;
  buttons: Array<{ label: string; action: "dismiss" | "url" | "open_messenger"; url: string | null }>;
  bannerPosition: "top" | "bottom";
  dismissible: boolean;
  trigger: Trigger;
  priority: number;
};

export function widgetOutboundMessage(message: Doc<"outboundMessages">): WidgetOutboundMessage {
  return {
    id: message._id,
    name: message.name,
    type: message.type,
    title: message.title ?? null,
    body: message.body,
    senderName: message.senderName ?? null,
    buttons: (message.buttons ?? []).map((b) => ({ label: b.label, action: b.action, url: b.url ?? null })),
    bannerPosition: message.bannerPosition ?? "top",
    dismissible: message.dismissible ?? true,
    trigger: message.trigger,
    priority: message.priority ?? 0,
  };
}

export type WidgetSurvey = {
  id: Id<"surveys">;
  name: string;
  /** small: a corner card (non-blocking); large: a centred modal (blocking). */
  format: "small" | "large";
  intro: string | null;
  thankYou: string | null;
  questions: SurveyQuestion[];
  trigger: Trigger;
  priority: number;
};

export function widgetSurvey(survey: Doc<"surveys">): WidgetSurvey {
  return {
    id: survey._id,
    name: survey.name,
    format: survey.format,
    intro: survey.intro ?? null,
    thankYou: survey.thankYou ?? null,
    questions: survey.questions.map((q) => ({ ...q })),
    trigger: survey.trigger,
    priority: survey.priority ?? 0,
  };
}

export type WidgetChecklist = {
  id: Id<"checklists">;
  name: string;
  description: string | null;
  tasks: Array<{ id: string; title: string; description: string | null; completion: TaskCompletion; completed: boolean }>;
  completedTaskIds: string[];
  done: number;
  total: number;
  completed: boolean;
  completedAt: number | null;
  priority: number;
};

export function widgetChecklist(checklist: Doc<"checklists">, progress: Doc<"checklistProgress"> | null): WidgetChecklist {
  const completedTaskIds = progress?.completedTaskIds ?? [];
  const { done, total } = completionRatio(
    { id: checklist._id, tasks: checklist.tasks },
    { checklistId: checklist._id, completedTaskIds },
  );
  return {
    id: checklist._id,
    name: checklist.name,
    description: checklist.description ?? null,
    tasks: checklist.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      description: task.description ?? null,
      completion: task.completion,
      completed: completedTaskIds.includes(task.id),
    })),
    completedTaskIds: checklist.tasks.map((task) => task.id).filter((id) => completedTaskIds.includes(id)),
    done,
    total,
    completed: total > 0 && done === total,
    completedAt: progress?.completedAt ?? null,
    priority: checklist.priority ?? 0,
  };
}
