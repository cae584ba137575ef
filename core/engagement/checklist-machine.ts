import { matchesUrlPattern } from "./url-pattern";

/**
 * Checklists: tasks the visitor completes by tracking an event, by visiting a
 * page, or by ticking them off (`manual`). A task once completed stays
 * completed; the checklist is complete when every task is.
 */

export type TaskCompletion =
  | { type: "event"; event: string }
  | { type: "url"; pattern: string }
  | { type: "manual" };

export type ChecklistTask = { id: string; title: string; description?: string; completion: TaskCompletion };

export type Checklist = { id: string; tasks: readonly ChecklistTask[] };

export type ChecklistProgress = {
  checklistId: string;
  completedTaskIds: string[];
  /** When the last task was completed; absent while tasks remain. */
  completedAt?: number;
};

export type ChecklistEvent =
  | { type: "event"; name: string }
  | { type: "url"; url: string }
  /** A visitor ticking a task off; only `manual` tasks accept it. */
  | { type: "manual"; taskId: string };

export type ChecklistUpdate = { progress: ChecklistProgress; newlyCompleted: string[] };

export function emptyProgress(checklist: Pick<Checklist, "id">): ChecklistProgress {
  return { checklistId: checklist.id, completedTaskIds: [] };
}

export function completesTask(task: ChecklistTask, event: ChecklistEvent): boolean {
  const { completion } = task;
  switch (event.type) {
    case "event":
      return completion.type === "event" && completion.event === event.name;
    case "url":
      return completion.type === "url" && matchesUrlPattern(completion.pattern, event.url);
    case "manual":
      return completion.type === "manual" && task.id === event.taskId;
  }
}

/**
 * Applies one event. Returns the same progress object (and no newly completed
 * tasks) when nothing changed, so a caller can skip the write.
 */
export function applyEvent(
  checklist: Checklist,
  progress: ChecklistProgress,
  event: ChecklistEvent,
  now: number,
): ChecklistUpdate {
  const done = new Set(progress.completedTaskIds);
  const newlyCompleted = checklist.tasks
    .filter((task) => !done.has(task.id) && completesTask(task, event))
    .map((task) => task.id);
  if (newlyCompleted.length === 0) return { progress, newlyCompleted };
  const completedTaskIds = [...progress.completedTaskIds, ...newlyCompleted];
  const next: ChecklistProgress = { checklistId: checklist.id, completedTaskIds };
  if (isComplete(checklist, completedTaskIds)) next.completedAt = progress.completedAt ?? now;
  return { progress: next, newlyCompleted };
}

export function isComplete(checklist: Checklist, completedTaskIds: readonly string[]): boolean {
  return checklist.tasks.length > 0 && checklist.tasks.every((task) => completedTaskIds.includes(task.id));
}

/** Counts only tasks the checklist still has (authors may remove tasks later). */
export function completionRatio(checklist: Checklist, progress: ChecklistProgress): { done: number; total: number } {
  const done = checklist.tasks.filter((task) => progress.completedTaskIds.includes(task.id)).length;
  return { done, total: checklist.tasks.length };
}
