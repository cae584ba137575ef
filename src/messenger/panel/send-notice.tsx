import { useEffect, useState } from "preact/hooks";
import type { Outbox, OutboxEntry } from "../../runtime/outbox";
import { useT } from "./i18n";

/** When the next rate-limited message goes again, or null when none waits. */
export function soonestRetry(entries: readonly OutboxEntry[]): number | null {
  let soonest: number | null = null;
  for (const entry of entries) {
    if (entry.status === "queued" && entry.retryAt !== undefined && (soonest === null || entry.retryAt < soonest)) {
      soonest = entry.retryAt;
    }
  }
  return soonest;
}

/**
 * The visitor's rate-limited wait, across conversations: messages go out one at a time,
 * so a wait in one conversation holds back the others too.
 */
export function useRetryAt(outbox: Outbox): number | null {
  const [retryAt, setRetryAt] = useState(() => soonestRetry(outbox.entries()));
  useEffect(() => {
    const update = () => setRetryAt(soonestRetry(outbox.entries()));
    update();
    return outbox.subscribe(update);
  }, [outbox]);
  return retryAt;
}

/** How often the countdown is redrawn; a whole second would skip numbers now and then. */
const TICK_MS = 250;

/**
 * "Sending too fast — retrying in 3 s" while the server makes the visitor wait. Screen
 * readers hear the reason once; the ticking number is for the eyes only.
 */
export function SendingTooFast({ retryAt }: { retryAt: number }) {
  const t = useT();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [retryAt]);
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return (
    <p class="oc-send-notice" role="status">
      {t.sendingTooFast}
      <span aria-hidden="true">{t.retryingIn(seconds)}</span>
      <span class="oc-visually-hidden">{t.retryingSoon}</span>
    </p>
  );
}
