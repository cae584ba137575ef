import { describe, expect, test } from "vitest";
import { byPrecedence, heldBack, isBlocking, isModal, pickNext, slotOf, type Candidate } from "../../../src/engine/arbitration";

const tour: Candidate = { kind: "tour", id: "t1", format: "modal" };
const pointerTour: Candidate = { kind: "tour", id: "t-pointer", format: "pointer" };
const tooltipA: Candidate = { kind: "tooltip", id: "tip-a" };
const tooltipB: Candidate = { kind: "tooltip", id: "tip-b" };
const post: Candidate = { kind: "outbound", id: "post", format: "post" };
const banner: Candidate = { kind: "outbound", id: "banner", format: "banner" };
const banner2: Candidate = { kind: "outbound", id: "banner-2", format: "banner", priority: 5 };
const bigSurvey: Candidate = { kind: "survey", id: "s-large", format: "large" };
const smallSurvey: Candidate = { kind: "survey", id: "s-small", format: "small" };
const checklist: Candidate = { kind: "checklist", id: "c1" };
const csat: Candidate = { kind: "csat", id: "conv-1" };

describe("slots", () => {
  test("tooltips are free, banners and small surveys have their own slot, the rest block", () => {
    expect(slotOf(tooltipA)).toBe("free");
    expect(slotOf(banner)).toBe("banner");
    expect(slotOf(smallSurvey)).toBe("corner");
    for (const candidate of [tour, pointerTour, post, { kind: "outbound", id: "chat", format: "chat" } as Candidate, bigSurvey, checklist, csat]) {
      expect(isBlocking(candidate)).toBe(true);
    }
  });
});

describe("byPrecedence", () => {
  test("orders by kind, then higher priority, then given order", () => {
    const low: Candidate = { kind: "tour", id: "low", priority: 1 };
    const high: Candidate = { kind: "tour", id: "high", priority: 9 };
    const sorted = byPrecedence([csat, checklist, bigSurvey, post, low, high, tour]);
    expect(sorted.map((c) => c.id)).toEqual(["high", "low", "t1", "post", "s-large", "c1", "conv-1"]);
  });
});

describe("pickNext", () => {
  test("with nothing active: first blocking one, every tooltip, one banner, one small survey", () => {
    const picked = pickNext([csat, smallSurvey, banner, banner2, tooltipA, post, pointerTour, tooltipB], []);
    expect(picked.map((c) => c.id)).toEqual(["t-pointer", "tip-a", "tip-b", "banner-2", "s-small"]);
  });

  test("blocking ones wait while one is active; beside a non-modal one, non-blocking ones still start", () => {
    expect(pickNext([post, checklist, tooltipA, banner], [pointerTour]).map((c) => c.id)).toEqual(["tip-a", "banner"]);
    expect(pickNext([post, tooltipA, banner, smallSurvey], [checklist]).map((c) => c.id)).toEqual(["tip-a", "banner", "s-small"]);
  });

  test("first visit to the demo: banner, Export tooltip and modal tour due at once: only the tour shows", () => {
    expect(pickNext([banner, tooltipA, tour], []).map((c) => c.id)).toEqual(["t1"]);
    // …the others wait while it is up, and come when it ends.
    expect(pickNext([banner, tooltipA, tour], [tour])).toEqual([]);
    expect(pickNext([banner, tooltipA], []).map((c) => c.id)).toEqual(["tip-a", "banner"]);
  });

  test("/funnels: a modal post, a tooltip, the NPS survey and the banner: the post alone, then the rest", () => {
    const due = [post, tooltipA, smallSurvey, banner];
    expect(pickNext(due, []).map((c) => c.id)).toEqual(["post"]);
    expect(pickNext(due, [post])).toEqual([]);
    expect(pickNext([tooltipA, smallSurvey, banner], []).map((c) => c.id)).toEqual(["tip-a", "banner", "s-small"]);
  });

  test("a large survey waits behind a modal tour; nothing starts beside it either", () => {
    expect(pickNext([bigSurvey, tooltipB, banner2], [tour])).toEqual([]);
    expect(pickNext([bigSurvey, tooltipB, banner2], []).map((c) => c.id)).toEqual(["s-large"]);
  });

  test("when the active one ends, the next blocking one in order gets its turn", () => {
    expect(pickNext([csat, checklist, bigSurvey], []).map((c) => c.id)).toEqual(["s-large"]);
    expect(pickNext([csat, checklist], []).map((c) => c.id)).toEqual(["c1"]);
  });

  test("never returns what is already showing, nor duplicates", () => {
    expect(pickNext([tour, tooltipA, tooltipA], [tour, tooltipA])).toEqual([]);
    expect(pickNext([pointerTour, tooltipA, tooltipA], [pointerTour])).toEqual([tooltipA]);
    expect(pickNext([banner2], [banner])).toEqual([]);
  });
});

describe("modals", () => {
  test("modal tours, outbound posts and large surveys dim the page; nothing else does", () => {
    expect([tour, { kind: "tour", id: "bare" } as Candidate, post, bigSurvey].every(isModal)).toBe(true);
    const chat: Candidate = { kind: "outbound", id: "chat", format: "chat" };
    expect([pointerTour, chat, banner, smallSurvey, tooltipA, checklist, csat].some(isModal)).toBe(false);
  });
});

describe("heldBack", () => {
  test("a banner and a tooltip already up when a modal tour starts are hidden under it, not drawn above", () => {
    expect(heldBack([banner, tooltipA, tour], false)).toEqual([banner, tooltipA]);
    expect(heldBack([banner, tooltipA, pointerTour], false)).toEqual([]);
    expect(heldBack([banner, smallSurvey, checklist], false)).toEqual([]);
  });

  test("the messenger and a modal tour are never both shown: opening the messenger holds the tour back", () => {
    expect(heldBack([tour], true)).toEqual([tour]);
    expect(heldBack([post, banner], true)).toEqual([post, banner]);
    // Non-modal ones keep to their own rules (the dock hides itself beside the open messenger).
    expect(heldBack([checklist, tooltipA], true)).toEqual([]);
    expect(heldBack([tour], false)).toEqual([]);
  });
});
