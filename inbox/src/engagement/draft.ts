/*
 * The editor's draft of an item, kept apart from the server's copy. The shell subscribes to
 * the item, so a change made elsewhere (the site's selector picker, another admin) arrives
 * live; `mergeRemote` lays it over the draft without losing what the author changed here.
 */

export type Draft = Record<string, unknown>;

/** The API's own columns: shown, never written. */
const READ_ONLY = ["id", "createdAt", "updatedAt", "updatedBy"];

export function draftOf(item: Record<string, unknown>): Draft {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !READ_ONLY.includes(key)));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

/**
 * A three-way merge: what changed on the server since `base` (the copy the draft started
 * from) is taken, unless the author changed the same value here, whose edit wins. Objects
 * merge key by key and arrays of one length item by item (a picked selector lands in its
 * step while the author edits another step's text).
 */
export function mergeRemote(base: unknown, remote: unknown, draft: unknown): unknown {
  if (sameValue(draft, base)) return remote;
  if (sameValue(remote, base)) return draft;
  if (isRecord(base) && isRecord(remote) && isRecord(draft)) {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(base), ...Object.keys(remote), ...Object.keys(draft)])) {
      const value = mergeRemote(base[key], remote[key], draft[key]);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(remote) && Array.isArray(draft) && base.length === remote.length && base.length === draft.length) {
    return base.map((item, index) => mergeRemote(item, remote[index], draft[index]));
  }
  return draft;
}

/** A copy with `key` set, or removed when `value` is undefined (an emptied optional field). */
export function withField(draft: Draft, key: string, value: unknown): Draft {
  const next = { ...draft };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** `<input type="datetime-local">`'s value for an epoch time, in the browser's time zone. */
export function toLocalInput(epochMs: unknown): string {
  if (typeof epochMs !== "number") return "";
  const date = new Date(epochMs);
  return new Date(epochMs - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Back from the input: undefined when emptied (no bound). */
export function fromLocalInput(value: string): number | undefined {
  if (value === "") return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : time;
}

/** The server's message for exactly this field, or null. */
export const errorAt = (errors: Record<string, string>, path: string): string | null => errors[path] ?? null;
