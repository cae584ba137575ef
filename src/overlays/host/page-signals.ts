import type { PageState } from "../../../core/engagement/triggers";
import { watchPageViews } from "../../runtime/page-views";
import type { Timers } from "../../runtime/timers";

export interface PageSignals {
  state(): PageState;
  noteEvent(name: string): void;
  destroy(): void;
}

/** How far down the page the visitor can see: the bottom of the viewport over the page height. */
export function scrollPercent(win: Window): number {
  const height = win.document.documentElement.scrollHeight;
  return height <= 0 ? 100 : Math.min(100, ((win.scrollY + win.innerHeight) / height) * 100);
}

/**
 * What triggers look at (triggers.ts PageState): the URL, seconds on this page, the
 * deepest scroll and the events tracked here. A URL change (SPA navigation included)
 * starts a new page. `onChange(true)` reports a new URL.
 */
export function watchPageSignals(win: Window, timers: Timers, onChange: (urlChanged: boolean) => void): PageSignals {
  let state: PageState | null = null;
  let startedAt = 0;
  const current = () => state as PageState; // set synchronously by watchPageViews below
  const update = (patch: Partial<PageState>, urlChanged = false) => {
    state = { ...current(), ...patch };
    onChange(urlChanged);
  };

  const stopUrls = watchPageViews(win, (url) => {
    const first = state === null;
    startedAt = Date.now();
    state = { url, secondsOnPage: 0, scrollPercent: scrollPercent(win), firedEvents: [] };
    if (!first) onChange(true);
  });
  const onScroll = () => {
    const percent = scrollPercent(win);
    if (percent > current().scrollPercent) update({ scrollPercent: percent });
  };
  win.addEventListener("scroll", onScroll, { passive: true });
  const stopTick = timers.interval(() => update({ secondsOnPage: (Date.now() - startedAt) / 1000 }), 1000);

  return {
    state: current,
    noteEvent: (name) => update({ firedEvents: [...current().firedEvents, name] }),
    destroy() {
      stopUrls();
      stopTick();
      win.removeEventListener("scroll", onScroll);
    },
  };
}
