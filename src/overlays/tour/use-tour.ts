import { useEffect, useRef, useState } from "preact/hooks";
import {
  isFinished,
  startTour,
  tourTransition,
  waitForElementMs,
  type TourEvent,
  type TourState,
} from "../../../core/engagement/tour-machine";
import { findElement } from "../shared/anchor";
import { tryMutate } from "../shared/mount";
import type { OverlayContext } from "../types";
import { waitForElement } from "./wait-for-element";
import type { WidgetTour } from "./wire";
import { backend } from "../../runtime/functions";

export type TourRun = {
  state: TourState;
  /** The current step's page element, once found (null for a modal step without one). */
  element: Element | null;
  dispatch(event: TourEvent): void;
  /** The element went away (re-rendered or removed): look for it again. */
  lost(): void;
};

/**
 * Runs the tour machine (src/engine/tour-machine.ts) against the page: resumes where
 * the visitor left off, saves every step (so a reload resumes there), looks for each
 * step's element, and closes the overlay once the tour is finished.
 */
export function useTourRun(tour: WidgetTour, context: OverlayContext): TourRun {
  const tourRef = useRef(tour);
  tourRef.current = tour; // transitions use the latest version of the tour
  const [state, setState] = useState<TourState>(() =>
    startTour(tour, { tourId: tour.id, stepIndex: tour.stepIndex, status: tour.status }),
  );
  const [element, setElement] = useState<Element | null>(null);
  const [search, setSearch] = useState(0);
  const dispatch = (event: TourEvent) => setState((current) => tourTransition(tourRef.current, current, event));
  const doc = context.win.document;
  const step = tour.steps[state.stepIndex];

  useEffect(() => {
    const { status } = state;
    // A started tour is never "new" (that is only the server's word for an untaken one).
    if (status !== "new") void tryMutate(context, backend.tours.recordProgress, { tourId: tour.id, stepIndex: state.stepIndex, status });
    if (isFinished(state.status)) context.close();
  }, [state.stepIndex, state.status]);

  useEffect(() => {
    setElement(null);
    if (!step || isFinished(state.status)) return;
    if (step.kind === "modal") {
      // A modal step shows either way; with an element it spotlights it.
      setElement(step.selector === undefined ? null : findElement(doc, step.selector));
      return;
    }
    if (step.selector === undefined) return dispatch({ type: "elementMissing" });
    return waitForElement(doc, step.selector, waitForElementMs(step), (found) => {
      if (found === null) return dispatch({ type: "elementMissing" });
      setElement(found);
      dispatch({ type: "elementFound" });
    });
  }, [state.stepIndex, state.status, step?.selector, step?.kind, search]);

  return { state, element, dispatch, lost: () => setSearch((n) => n + 1) };
}
