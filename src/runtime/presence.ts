import type { Timers } from "./timers";

export const PRESENCE_INTERVAL_MS = 60_000;

/**
 * Tells the backend the visitor is still here: at most once a minute, and never from a
 * hidden tab (a background tab should not look like an active visitor, nor wake the radio).
 * The first beat comes a minute in: boot itself marks the visitor as seen. Returns the cleanup.
 */
export function startPresence(
  doc: Document,
  timers: Timers,
  sendPresence: () => void,
  now: () => number = Date.now,
): () => void {
  let lastSent = now();
  const beat = () => {
    if (doc.hidden || now() - lastSent < PRESENCE_INTERVAL_MS) return;
    lastSent = now();
    sendPresence();
  };
  const stopInterval = timers.interval(beat, PRESENCE_INTERVAL_MS);
  doc.addEventListener("visibilitychange", beat);
  return () => {
    stopInterval();
    doc.removeEventListener("visibilitychange", beat);
  };
}
