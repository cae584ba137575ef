import { describe, expect, test } from "vitest";
import {
  newTourState,
  startTour,
  toProgress,
  tourTransition,
  waitForElementMs,
  type Tour,
  type TourEvent,
  type TourState,
} from "../../../../core/engagement/tour-machine";

const tour: Tour = {
  id: "welcome",
  steps: [
    { kind: "modal", title: "Welcome", body: "Let us show you around." },
    { kind: "pointer", selector: "#chart", placement: "bottom", title: "Chart", body: "Your numbers." },
    { kind: "pointer", selector: "#invite", title: "Invite", body: "Bring your team.", onMissing: "end", waitForElementMs: 800 },
    { kind: "pointer", selector: "#settings", title: "Settings", body: "Tune it." },
  ],
};

function run(events: TourEvent["type"][], from: TourState = startTour(tour)): TourState {
  return events.reduce((state, type) => tourTransition(tour, state, { type } as TourEvent), from);
}

describe("tour state machine", () => {
  test("starts at the first step; modal steps do not wait for an element", () => {
    expect(newTourState(tour)).toMatchObject({ status: "new", stepIndex: 0 });
    expect(startTour(tour)).toEqual({ tourId: "welcome", stepIndex: 0, status: "in_progress", awaitingElement: false });
  });

  test("next walks the steps; pointer steps wait for their element", () => {
    const second = run(["next"]);
    expect(second).toMatchObject({ stepIndex: 1, awaitingElement: true });
    expect(run(["next", "elementFound"])).toMatchObject({ stepIndex: 1, awaitingElement: false });
  });

  test("back goes one step back but not before the first", () => {
    expect(run(["next", "next", "back"]).stepIndex).toBe(1);
    expect(run(["back"])).toMatchObject({ stepIndex: 0, status: "in_progress" });
  });

  test("next on the last step and done complete the tour; skip dismisses it", () => {
    expect(run(["next", "next", "next", "next"])).toMatchObject({ status: "completed", stepIndex: 3 });
    expect(run(["next", "done"])).toMatchObject({ status: "completed", stepIndex: 1 });
    expect(run(["next", "skip"])).toMatchObject({ status: "dismissed", stepIndex: 1 });
  });

  test("a missing element skips the step by default and ends the tour when onMissing is end", () => {
    expect(run(["next", "elementMissing"])).toMatchObject({ stepIndex: 2, status: "in_progress" });
    expect(run(["next", "next", "elementMissing"])).toMatchObject({ stepIndex: 2, status: "dismissed" });
    const last = run(["next", "next", "elementFound", "next"]);
    expect(tourTransition(tour, last, { type: "elementMissing" })).toMatchObject({ status: "completed" });
  });

  test("element events do not affect modal steps", () => {
    const first = startTour(tour);
    expect(tourTransition(tour, first, { type: "elementMissing" })).toEqual(first);
    expect(tourTransition(tour, first, { type: "elementFound" })).toEqual(first);
  });

  test("finished tours ignore events until started again", () => {
    const done = run(["done"]);
    expect(tourTransition(tour, done, { type: "next" })).toBe(done);
    expect(tourTransition(tour, done, { type: "start" })).toMatchObject({ stepIndex: 0, status: "in_progress" });
  });

  test("progress round-trips to resume after a reload, clamped to the tour's length", () => {
    const saved = toProgress(run(["next", "next"]));
    expect(saved).toEqual({ tourId: "welcome", stepIndex: 2, status: "in_progress" });
    expect(startTour(tour, saved)).toMatchObject({ stepIndex: 2, awaitingElement: true });
    expect(startTour(tour, { ...saved, stepIndex: 99 }).stepIndex).toBe(3);
    expect(startTour(tour, { ...saved, status: "completed" }).stepIndex).toBe(0);
    expect(startTour(tour, { ...saved, tourId: "other" }).stepIndex).toBe(0);
  });

  test("an empty tour is complete at once; wait time has a default", () => {
    expect(startTour({ id: "empty", steps: [] }).status).toBe("completed");
    expect(waitForElementMs(tour.steps[1]!)).toBe(5000);
    expect(waitForElementMs(tour.steps[2]!)).toBe(800);
  });
});
