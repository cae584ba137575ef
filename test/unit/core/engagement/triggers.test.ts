import { describe, expect, test } from "vitest";
import { canFireOnPage, isTrigger, isTriggerSatisfied, type PageState } from "../../../../core/engagement/triggers";

const state: PageState = {
  url: "https://app.example.com/reports/42",
  secondsOnPage: 12,
  scrollPercent: 40,
  firedEvents: ["report_opened"],
};

describe("isTriggerSatisfied", () => {
  test("page load fires at once", () => {
    expect(isTriggerSatisfied({ type: "page_load" }, state)).toBe(true);
  });
  test("url trigger matches the current URL with wildcards", () => {
    expect(isTriggerSatisfied({ type: "url", pattern: "https://app.example.com/reports/*" }, state)).toBe(true);
    expect(isTriggerSatisfied({ type: "url", pattern: "https://app.example.com/settings*" }, state)).toBe(false);
  });
  test("time on page and scroll depth are thresholds", () => {
    expect(isTriggerSatisfied({ type: "time_on_page", seconds: 12 }, state)).toBe(true);
    expect(isTriggerSatisfied({ type: "time_on_page", seconds: 13 }, state)).toBe(false);
    expect(isTriggerSatisfied({ type: "scroll_depth", percent: 40 }, state)).toBe(true);
    expect(isTriggerSatisfied({ type: "scroll_depth", percent: 75 }, state)).toBe(false);
  });
  test("event trigger needs the event fired on this page", () => {
    expect(isTriggerSatisfied({ type: "event", name: "report_opened" }, state)).toBe(true);
    expect(isTriggerSatisfied({ type: "event", name: "report_exported" }, state)).toBe(false);
  });
  test("an unknown trigger type never fires", () => {
    expect(isTriggerSatisfied({ type: "exit_intent" } as never, state)).toBe(false);
  });
});

describe("canFireOnPage", () => {
  test("only URL triggers depend on the page", () => {
    expect(canFireOnPage({ type: "url", pattern: "*/settings" }, "https://a.com/settings")).toBe(true);
    expect(canFireOnPage({ type: "url", pattern: "*/settings" }, "https://a.com/home")).toBe(false);
    expect(canFireOnPage({ type: "time_on_page", seconds: 30 }, "https://a.com/home")).toBe(true);
    expect(canFireOnPage({ type: "nope" } as never, "https://a.com/home")).toBe(false);
  });
});

describe("isTrigger", () => {
  test("accepts well-formed triggers and refuses the rest", () => {
    expect(isTrigger({ type: "page_load" })).toBe(true);
    expect(isTrigger({ type: "url", pattern: "*" })).toBe(true);
    expect(isTrigger({ type: "time_on_page", seconds: 5 })).toBe(true);
    expect(isTrigger({ type: "scroll_depth", percent: 50 })).toBe(true);
    expect(isTrigger({ type: "event", name: "x" })).toBe(true);
    expect(isTrigger({ type: "scroll_depth", percent: 150 })).toBe(false);
    expect(isTrigger({ type: "time_on_page", seconds: -1 })).toBe(false);
    expect(isTrigger({ type: "url", pattern: "" })).toBe(false);
    expect(isTrigger({ type: "page_load", extra: 1 })).toBe(false);
    expect(isTrigger(null)).toBe(false);
    expect(isTrigger("page_load")).toBe(false);
  });
});
