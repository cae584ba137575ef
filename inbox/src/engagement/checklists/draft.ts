import { listOf, moved, nextId, optionalText, removed, replaced, textOf } from "../editor-kit/lists";
import { withField } from "../draft";

/**
 * A checklist's own fields between the REST body (the draft) and the form. A
 * task is done when the visitor tracks an event, reaches a page matching a URL
 * pattern, or ticks it (manual); switching the way keeps nothing of the old one.
 */

export type Completion = { type: "event"; event: string } | { type: "url"; pattern: string } | { type: "manual" };
export type Task = { id: string; title: string; description?: string; completion: Completion };
export type CompletionType = Completion["type"];

export const COMPLETION_TYPES: ReadonlyArray<readonly [CompletionType, string]> = [
  ["event", "When the visitor tracks an event"],
  ["url", "When the visitor visits a page"],
  ["manual", "When the visitor ticks it"],
];
export const MAX_TASKS = 20;

/** A new checklist: one task the visitor ticks, so it saves as soon as it is named. */
export function emptyChecklist(): Record<string, unknown> {
  return { name: "", status: "draft", tasks: [{ id: "task1", title: "Get started", completion: { type: "manual" } }] };
}

export function checklistForm(draft: Record<string, unknown>): { description: string; tasks: Task[] } {
  return { description: textOf(draft["description"]), tasks: listOf<Task>(draft, "tasks") };
}

export function withDescription(draft: Record<string, unknown>, text: string): Record<string, unknown> {
  return withField(draft, "description", optionalText(text));
}

function newTask(existing: readonly Task[]): Task {
  return { id: nextId("task", existing), title: "", completion: { type: "event", event: "" } };
}

export function blankCompletion(type: CompletionType): Completion {
  return type === "event" ? { type, event: "" } : type === "url" ? { type, pattern: "" } : { type };
}

const tasks = (draft: Record<string, unknown>) => listOf<Task>(draft, "tasks");

export function withNewTask(draft: Record<string, unknown>): Record<string, unknown> {
  const list = tasks(draft);
  return list.length >= MAX_TASKS ? draft : withField(draft, "tasks", [...list, newTask(list)]);
}

/** Changes one task; a blank description is dropped rather than stored empty. */
export function withTask(draft: Record<string, unknown>, index: number, patch: Partial<Task>): Record<string, unknown> {
  const list = tasks(draft);
  const current = list[index];
  if (current === undefined) return draft;
  const next: Task = { ...current, ...patch };
  if (next.description !== undefined && optionalText(next.description) === undefined) delete next.description;
  return withField(draft, "tasks", replaced(list, index, next));
}

export function withTaskMoved(draft: Record<string, unknown>, index: number, delta: number): Record<string, unknown> {
  return withField(draft, "tasks", moved(tasks(draft), index, delta));
}

export function withoutTask(draft: Record<string, unknown>, index: number): Record<string, unknown> {
  return withField(draft, "tasks", removed(tasks(draft), index));
}
