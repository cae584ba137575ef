/**
 * List edits the editors share (questions, tasks, buttons, options): each
 * returns a new array and leaves the input alone, so a draft is never mutated.
 */

export function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, at) => (at === index ? item : current));
}

export function removed<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, at) => at !== index);
}

/** Moves the item at `index` by `delta` places; out-of-range moves change nothing. */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** `prefix1`, `prefix2`… : the first such id no item uses yet. */
export function nextId(prefix: string, taken: ReadonlyArray<{ id: unknown }>): string {
  const used = new Set(taken.map((item) => item.id));
  let n = taken.length + 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** The draft's array at `key`, or an empty one when it holds something else. */
export function listOf<T>(draft: Record<string, unknown>, key: string): T[] {
  const value = draft[key];
  return Array.isArray(value) ? (value as T[]) : [];
}

/** A string field's text for an input ("" when absent). */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** An optional text: absent when blank. */
export function optionalText(text: string): string | undefined {
  return text.trim() === "" ? undefined : text;
}
