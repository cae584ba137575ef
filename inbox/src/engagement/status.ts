import type { ContentStatus } from "../../../core/engagement/content-types";

export const STATUS_LABELS: Record<ContentStatus, string> = {
  draft: "Draft",
  active: "Active",
  paused: "Paused",
  archived: "Archived",
};

/** "3 Dec 2026, 14:05 – no end", or "Always" without a window. */
export function scheduleText(startsAt: number | null, endsAt: number | null): string {
  if (startsAt === null && endsAt === null) return "Always";
  const format = (time: number) => new Date(time).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return `${startsAt === null ? "now" : format(startsAt)} – ${endsAt === null ? "no end" : format(endsAt)}`;
}
