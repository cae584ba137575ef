import * as v from "valibot";
import { parseOrNull } from "../shared/wire";

const task = v.object({
  id: v.string(),
  title: v.string(),
  description: v.nullable(v.string()),
  completion: v.object({ type: v.string() }),
  completed: v.boolean(),
});

const checklist = v.object({
  id: v.string(),
  name: v.string(),
  description: v.nullable(v.string()),
  tasks: v.array(task),
  done: v.number(),
  total: v.number(),
  completed: v.boolean(),
});

export type WidgetChecklist = v.InferOutput<typeof checklist>;

export function parseChecklist(value: unknown): WidgetChecklist | null {
  return parseOrNull(checklist, value);
}
