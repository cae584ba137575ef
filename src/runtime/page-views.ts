type HistoryMethod = "pushState" | "replaceState";

/**
 * Reports the current URL, then every URL change of a single-page app: pushState and
 * replaceState (wrapped, since browsers fire no event for them) and back/forward.
 * Returns the cleanup, which restores history's methods.
 */
export function watchPageViews(win: Window, onPageView: (url: string) => void): () => void {
  let lastUrl: string | null = null;
  let active = true;
  const report = () => {
    const url = win.location.href;
    if (!active || url === lastUrl) return;
    lastUrl = url;
    onPageView(url);
  };

  const restorers = (["pushState", "replaceState"] as const).map((method) => wrap(win.history, method, report, () => active));
  win.addEventListener("popstate", report);
  win.addEventListener("hashchange", report);
  report();

  return () => {
    active = false;
    for (const restore of restorers) restore();
    win.removeEventListener("popstate", report);
    win.removeEventListener("hashchange", report);
  };
}

function wrap(history: History, method: HistoryMethod, after: () => void, isActive: () => boolean): () => void {
  const original = history[method];
  const wrapped = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
    const result = original.apply(this, args);
    if (isActive()) after();
    return result;
  };
  history[method] = wrapped;
  return () => {
    // If another script wrapped history after us, putting the original back would silently
    // drop its wrapper; ours stays in the chain instead, inert because `isActive` is false.
    if (history[method] === wrapped) history[method] = original;
  };
}
