import { describe, expect, test } from "vitest";
import { byPrecedence, isBlocking, pickNext, slotOf, type Candidate } from "../../../src/engine/arbitration";

const tour: Candidate = { kind: "tour", id: "t1" };
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
    for (const candidate of [tour, post, { kind: "outbound", id: "chat", format: "chat" } as Candidate, bigSurvey, checklist, csat]) {
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
    const picked = pickNext([csat, smallSurvey, banner, banner2, tooltipA, post, tour, tooltipB], []);
    expect(picked.map((c) => c.id)).toEqual(["t1", "tip-a", "tip-b", "banner-2", "s-small"]);
  });

  test("blocking ones wait while one is active; non-blocking ones still start", () => {
    const picked = pickNext([post, checklist, tooltipA, banner], [tour]);
    expect(picked.map((c) => c.id)).toEqual(["tip-a", "banner"]);
  });

  test("when the active one ends, the next blocking one in order gets its turn", () => {
    expect(pickNext([csat, checklist, bigSurvey], []).map((c) => c.id)).toEqual(["s-large"]);
    expect(pickNext([csat, checklist], []).map((c) => c.id)).toEqual(["c1"]);
  });

  test("never returns what is already showing, nor duplicates", () => {
    expect(pickNext([tour, tooltipA, tooltipA], [tour, tooltipA])).toEqual([]);
    expect(pickNext([banner2], [banner])).toEqual([]);
  });
});
