/**
 * Which engagement experiences may be on screen together.
 *
 * Every experience occupies a slot:
 * - `blocking` — tours, modal outbound posts and chats, large surveys, the
 *   checklist panel and CSAT prompts. They take the visitor's attention, so at
 *   most one shows at a time and the others wait their turn.
 * - `banner` — outbound banners: a strip at the top or bottom; one at a time,
 *   independent of the blocking slot.
 * - `corner` — small surveys: a card in a corner; one at a time.
 * - `free` — tooltips: attached to their element, any number together.
 *
 * Within a slot the order is by kind (tours, tooltips, outbound, surveys,
 * checklists, csat), then by higher `priority` (default 0), then by the order
 * the candidates were given (the server sends them oldest first).
 */

export type ExperienceKind = "tour" | "tooltip" | "outbound" | "survey" | "checklist" | "csat";
export type Slot = "blocking" | "banner" | "corner" | "free";

export type Candidate = {
  kind: ExperienceKind;
  id: string;
  /** Higher first. @default 0 */
  priority?: number;
  /**
   * Presentation, where a kind has several: outbound `"post" | "chat" | "banner"`,
   * survey `"large" | "small"`. Absent means the blocking presentation.
   */
  format?: string;
};

export const KIND_ORDER: readonly ExperienceKind[] = ["tour", "tooltip", "outbound", "survey", "checklist", "csat"];

export function slotOf(candidate: Pick<Candidate, "kind" | "format">): Slot {
  if (candidate.kind === "tooltip") return "free";
  if (candidate.kind === "outbound" && candidate.format === "banner") return "banner";
  if (candidate.kind === "survey" && candidate.format === "small") return "corner";
  return "blocking";
}

export function isBlocking(candidate: Pick<Candidate, "kind" | "format">): boolean {
  return slotOf(candidate) === "blocking";
}

/** Sorts by kind order, then priority (higher first); stable for equal keys. */
export function byPrecedence<T extends Candidate>(candidates: readonly T[]): T[] {
  return candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.candidate.kind) - KIND_ORDER.indexOf(b.candidate.kind) ||
        (b.candidate.priority ?? 0) - (a.candidate.priority ?? 0) ||
        a.index - b.index,
    )
    .map(({ candidate }) => candidate);
}

const sameExperience = (a: Candidate, b: Candidate) => a.kind === b.kind && a.id === b.id;

/**
 * What to start now, given what is already showing: every free candidate not
 * yet shown, and for each other slot that is empty, its first candidate.
 * Candidates already active are never returned again. The result is in
 * precedence order; everything else waits for the next call (after an
 * experience ends).
 */
export function pickNext<T extends Candidate>(candidates: readonly T[], active: readonly Candidate[]): T[] {
  const busy = new Set<Slot>(active.map(slotOf));
  const picked: T[] = [];
  for (const candidate of byPrecedence(candidates)) {
    if (active.some((shown) => sameExperience(shown, candidate))) continue;
    if (picked.some((chosen) => sameExperience(chosen, candidate))) continue;
    const slot = slotOf(candidate);
    if (slot === "free") {
      picked.push(candidate);
    } else if (!busy.has(slot)) {
      busy.add(slot);
      picked.push(candidate);
    }
  }
  return picked;
}
