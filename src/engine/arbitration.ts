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
 * A modal experience (a tour with a modal step, an outbound post, a large survey) dims
 * the page: while one is up, nothing else shows above or beside it. Banners, corner
 * cards and tooltips due meanwhile wait, and those already up are held back (hidden,
 * not closed) until it ends. The messenger and a modal never share the screen either:
 * opening the messenger holds the modal back until it closes again.
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
   * survey `"large" | "small"`, tour `"modal"` (some step dims the page) or `"pointer"`
   * (every step points at an element). Absent means the blocking, modal presentation.
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

/** Whether it dims the page: nothing else may show while it does. */
export function isModal(candidate: Pick<Candidate, "kind" | "format">): boolean {
  switch (candidate.kind) {
    case "tour":
      return candidate.format !== "pointer";
    case "outbound":
      return candidate.format === undefined || candidate.format === "post";
    case "survey":
      return candidate.format !== "small";
    default:
      return false;
  }
}

const sameExperience = (a: Candidate, b: Candidate) => a.kind === b.kind && a.id === b.id;

/**
 * What to start now, given what is already showing. The blocking slot is settled first:
 * when it is empty, its first candidate. Then, unless a modal is up (or starting), every
 * free candidate not yet shown and, for each other empty slot, its first candidate.
 * Candidates already active are never returned again. The result is in precedence
 * order; everything else waits for the next call (after an experience ends).
 */
export function pickNext<T extends Candidate>(candidates: readonly T[], active: readonly Candidate[]): T[] {
  const busy = new Set<Slot>(active.map(slotOf));
  const waiting = byPrecedence(candidates).filter(
    (candidate, index, all) =>
      !active.some((shown) => sameExperience(shown, candidate)) &&
      all.findIndex((other) => sameExperience(other, candidate)) === index,
  );
  const blocking = busy.has("blocking") ? undefined : waiting.find(isBlocking);
  if (active.some(isModal) || (blocking && isModal(blocking))) return blocking ? [blocking] : [];
  const picked: T[] = [];
  for (const candidate of waiting) {
    const slot = slotOf(candidate);
    if (candidate === blocking || slot === "free") {
      picked.push(candidate);
    } else if (slot !== "blocking" && !busy.has(slot)) {
      busy.add(slot);
      picked.push(candidate);
    }
  }
  return picked;
}

/**
 * Of what is showing, what must be hidden for now (and shown again later, as it was):
 * while a modal is up, everything that is not blocking; while the messenger is open,
 * every modal.
 */
export function heldBack<T extends Candidate>(active: readonly T[], messengerOpen: boolean): T[] {
  const modalUp = active.some(isModal);
  return active.filter((candidate) => (messengerOpen && isModal(candidate)) || (modalUp && !isBlocking(candidate)));
}
