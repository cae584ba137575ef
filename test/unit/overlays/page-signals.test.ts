import { afterEach, describe, expect, it, vi } from "vitest";
import { scrollPercent, watchPageSignals } from "../../../src/overlays/host/page-signals";
import { createTimers } from "../../../src/runtime/timers";

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

describe("page signals", () => {
  it("counts seconds on the page, notes events, and starts over on a new URL", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    const timers = createTimers();
    const changes: boolean[] = [];
    const signals = watchPageSignals(window, timers, (urlChanged) => changes.push(urlChanged));
    stops.push(() => signals.destroy(), () => timers.clearAll());
    expect(signals.state()).toMatchObject({ url: location.href, secondsOnPage: 0, firedEvents: [] });

    vi.advanceTimersByTime(3000);
    expect(signals.state().secondsOnPage).toBe(3);
    signals.noteEvent("upgraded");
    expect(signals.state().firedEvents).toEqual(["upgraded"]);

    history.pushState({}, "", "/next-page");
    expect(signals.state()).toMatchObject({ url: location.href, secondsOnPage: 0, firedEvents: [] });
    expect(changes.at(-1)).toBe(true);
    history.pushState({}, "", "/");
  });

  it("measures scroll depth as the share of the page seen, a short page being seen whole", () => {
    const fake = (scrollY: number, innerHeight: number, scrollHeight: number) =>
      ({ scrollY, innerHeight, document: { documentElement: { scrollHeight } } }) as unknown as Window;
    expect(scrollPercent(fake(0, 800, 4000))).toBe(20);
    expect(scrollPercent(fake(1200, 800, 4000))).toBe(50);
    expect(scrollPercent(fake(0, 800, 600))).toBe(100);
  });
});
