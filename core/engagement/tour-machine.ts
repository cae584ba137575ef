/**
 * The product-tour state machine. Pure: the DOM layer reports what it sees
 * (`elementFound`, `elementMissing`) and what the visitor did (`next`, `back`,
 * `skip`, `done`), and renders whatever state comes back.
 *
 * - A `pointer` step points at `selector`; it starts `awaitingElement` and shows
 *   once `elementFound` arrives. If the element does not appear within
 *   `waitForElementMs` (or disappears later) the DOM layer sends
 *   `elementMissing`: the step's `onMissing` says whether to `skip` to the next
 *   step (past the last one, the tour counts as completed) or `end` the tour
 *   (status `dismissed`).
 * - A `modal` step needs no element and ignores element events.
 * - `skip` is the visitor closing the tour (dismissed); `done` finishes it
 *   (completed); `next` on the last step completes it too.
 * - Finished tours (completed, dismissed) ignore every event but `start`,
 *   which restarts from the first step.
 *
 * `toProgress` gives the persisted part, and `startTour(tour, progress)`
 * resumes from it after a reload.
 */

export type Placement = "top" | "bottom" | "left" | "right" | "auto";

export type TourStep = {
  /** CSS selector of the anchor; required for pointer steps to show. */
  selector?: string;
  placement?: Placement;
  kind: "modal" | "pointer";
  title: string;
  body: string;
  /** How long to wait for the anchor before `elementMissing`. @default 5000 */
  waitForElementMs?: number;
  /** @default "skip" */
  onMissing?: "skip" | "end";
  /** Pointer steps: also move on when the visitor clicks the element (the Next button stays, for keyboards). @default "button" */
  advanceOn?: "button" | "click";
};

export type TourStatus = "new" | "in_progress" | "completed" | "dismissed";

export type TourProgress = { tourId: string; stepIndex: number; status: TourStatus };

export type TourState = TourProgress & {
  /** True while a pointer step waits for its element to appear. */
  awaitingElement: boolean;
};

export type TourEvent =
  | { type: "start" }
  | { type: "next" }
  | { type: "back" }
  | { type: "skip" }
  | { type: "done" }
  | { type: "elementMissing" }
  | { type: "elementFound" };

export type Tour = { id: string; steps: readonly TourStep[] };

export const DEFAULT_WAIT_FOR_ELEMENT_MS = 5000;

export function waitForElementMs(step: TourStep): number {
  return step.waitForElementMs ?? DEFAULT_WAIT_FOR_ELEMENT_MS;
}

export function isFinished(status: TourStatus): boolean {
  return status === "completed" || status === "dismissed";
}

function enterStep(tour: Tour, stepIndex: number): TourState {
  if (stepIndex >= tour.steps.length) return finish(tour, stepIndex, "completed");
  const step = tour.steps[stepIndex];
  return {
    tourId: tour.id,
    stepIndex,
    status: "in_progress",
    awaitingElement: step?.kind === "pointer",
  };
}

function finish(tour: Tour, stepIndex: number, status: "completed" | "dismissed"): TourState {
  const last = Math.max(0, tour.steps.length - 1);
  return { tourId: tour.id, stepIndex: Math.min(Math.max(0, stepIndex), last), status, awaitingElement: false };
}

/**
 * The state to show when a tour starts: resumes an in-progress run at its
 * step (clamped to the tour's current length), otherwise starts at step 0.
 */
export function startTour(tour: Tour, progress?: TourProgress): TourState {
  if (tour.steps.length === 0) return finish(tour, 0, "completed");
  if (progress?.status === "in_progress" && progress.tourId === tour.id) {
    const index = Number.isInteger(progress.stepIndex) ? progress.stepIndex : 0;
    return enterStep(tour, Math.min(Math.max(0, index), tour.steps.length - 1));
  }
  return enterStep(tour, 0);
}

export function tourTransition(tour: Tour, state: TourState, event: TourEvent): TourState {
  if (event.type === "start") return startTour(tour, state);
  if (state.status !== "in_progress") return state;
  const step = tour.steps[state.stepIndex];
  switch (event.type) {
    case "next":
      return enterStep(tour, state.stepIndex + 1);
    case "back":
      return state.stepIndex === 0 ? state : enterStep(tour, state.stepIndex - 1);
    case "skip":
      return finish(tour, state.stepIndex, "dismissed");
    case "done":
      return finish(tour, state.stepIndex, "completed");
    case "elementFound":
      return step?.kind === "pointer" && state.awaitingElement ? { ...state, awaitingElement: false } : state;
    case "elementMissing":
      if (step?.kind !== "pointer") return state;
      return (step.onMissing ?? "skip") === "end"
        ? finish(tour, state.stepIndex, "dismissed")
        : enterStep(tour, state.stepIndex + 1);
  }
}

export function toProgress(state: TourState): TourProgress {
  return { tourId: state.tourId, stepIndex: state.stepIndex, status: state.status };
}

/** A state for a tour the visitor never started. */
export function newTourState(tour: Tour): TourState {
  return { tourId: tour.id, stepIndex: 0, status: "new", awaitingElement: false };
}
