import { afterEach, describe, expect, it } from "vitest";
import { watchPageViews } from "../../../src/runtime/page-views";

const originalPush = history.pushState;
const originalReplace = history.replaceState;

afterEach(() => {
  history.pushState = originalPush;
  history.replaceState = originalReplace;
  originalReplace.call(history, null, "", "/");
});

describe("watchPageViews", () => {
  it("reports the current page, then SPA navigations, once per URL", () => {
    const seen: string[] = [];
    const stop = watchPageViews(window, (url) => seen.push(new URL(url).pathname + new URL(url).search));
    history.pushState(null, "", "/pricing");
    history.replaceState(null, "", "/pricing"); // same URL: not a new page view
    history.replaceState(null, "", "/pricing?plan=pro");
    history.pushState(null, "", "/docs");
    expect(seen).toEqual(["/", "/pricing", "/pricing?plan=pro", "/docs"]);
    stop();
  });

  it("reports back/forward navigation (popstate)", () => {
    const seen: string[] = [];
    const stop = watchPageViews(window, (url) => seen.push(new URL(url).pathname));
    originalPush.call(history, null, "", "/elsewhere"); // a change we could not see…
    window.dispatchEvent(new PopStateEvent("popstate"));
    expect(seen).toEqual(["/", "/elsewhere"]);
    stop();
  });

  it("restores history's methods on cleanup", () => {
    const stop = watchPageViews(window, () => {});
    expect(history.pushState).not.toBe(originalPush);
    stop();
    expect(history.pushState).toBe(originalPush);
    expect(history.replaceState).toBe(originalReplace);
  });

  it("stays inert but in place when another script wrapped history after us", () => {
    const seen: string[] = [];
    const stop = watchPageViews(window, (url) => seen.push(url));
    const ours = history.pushState;
    const theirs = function (this: History, ...args: Parameters<History["pushState"]>) {
      return ours.apply(this, args);
    };
    history.pushState = theirs;
    stop();
    expect(history.pushState).toBe(theirs);
    history.pushState(null, "", "/after-stop");
    expect(seen).toHaveLength(1);
    expect(location.pathname).toBe("/after-stop");
  });
});
