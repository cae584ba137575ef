import type { AppEventName, AppEventPayloads } from "../../core/apps/events";
import { STATE_EVENTS } from "../../core/apps/events";
import type { AppHost } from "./host";

/**
 * One screen's events to all of its app frames. A screen emits what it shows (the
 * selected chat, the ticket queue) whenever that changes, whether or not any app is
 * loaded yet; a frame that arrives later is given the latest of each state event,
 * and its host replays them after every (re)load of the app.
 */
export type AppEventHub = {
  emit<E extends AppEventName>(event: E, payload: AppEventPayloads[E]): void;
  /** Attaches a frame's host; returns the detach function. */
  attach(host: AppHost): () => void;
};

export function createAppEventHub(): AppEventHub {
  const hosts = new Set<AppHost>();
  const latest = new Map<AppEventName, unknown>();
  const deliver = (host: AppHost, event: AppEventName, payload: unknown) => {
    try {
      host.emit(event, payload as never);
    } catch {
      // A host of another screen refuses the event; one app's trouble is not the screen's.
    }
  };
  return {
    emit(event, payload) {
      if (STATE_EVENTS.has(event)) latest.set(event, payload);
      for (const host of hosts) deliver(host, event, payload);
    },
    attach(host) {
      hosts.add(host);
      for (const [event, payload] of latest) deliver(host, event, payload);
      return () => hosts.delete(host);
    },
  };
}
