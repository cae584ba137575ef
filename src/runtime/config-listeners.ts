import type { ConfigEventType, ListenerAction } from "../../core/theme/configuration";
import type { Emitter } from "../sdk/emitter";
import type { WidgetEvents } from "../sdk/types";
import { backend } from "./functions";
import type { Gateway } from "./gateway";
import type { Store } from "./store";
import type { WidgetUiState } from "./ui-state";

/*
 * The event listeners of the widget configuration in force: when one of the
 * allow-listed events happens, each listener for it runs its action.
 * - emit: the host page's `OpencomWidget.on("configEvent", …)` listeners get it;
 * - track_latency: the time from the event to the next paint (for widget_open,
 *   to the first paint of the panel) is recorded on the server;
 * - log_to_external: the server POSTs it, signed, to the configuration's callback URL.
 */

export interface ConfigListenerDeps {
  state: Store<WidgetUiState>;
  emitter: Emitter<WidgetEvents>;
  gateway: Gateway;
  /** The configuration's id on the server (null: the workspace has none stored yet). */
  configurationId(): string | null;
  /** Resolves after the frame in which the event's result was painted (for widget_open: the panel). */
  painted(eventType: ConfigEventType): Promise<void>;
  now(): number;
}

/** A chunk of its own, loaded the first time a configured event happens. */
export function createConfigListeners(deps: ConfigListenerDeps): (eventType: ConfigEventType, startedAt: number) => void {
  const { state, emitter, gateway } = deps;
  const run = (eventType: ConfigEventType, action: ListenerAction, payload: Record<string, string | number | boolean>, startedAt: number) => {
    if (action === "emit") return emitter.emit("configEvent", { eventType, payload: { ...payload } });
    const configurationId = deps.configurationId();
    if (configurationId === null) return;
    if (action === "log_to_external") {
      gateway.mutate(backend.widgetConfig.logExternal, { configurationId, eventType }).catch(() => {});
      return;
    }
    deps.painted(eventType).then(
      () => gateway.mutate(backend.widgetConfig.recordMetric, { configurationId, eventType, valueMs: Math.max(0, deps.now() - startedAt) }),
      () => undefined, // never painted (closed at once, destroyed): nothing to measure
    ).catch(() => {});
  };
  return (eventType, startedAt) => {
    for (const listener of state.get().settings?.configuration?.eventListeners ?? []) {
      if (listener.eventType === eventType) run(eventType, listener.action, listener.payload, startedAt);
    }
  };
}

/** Resolves after two animation frames: the first runs before the paint, the second after it. */
export function nextPaint(win: Window): Promise<void> {
  return new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve())));
}

/** Polls each frame until `ready()` holds, then waits for the paint; rejects after `timeoutMs`. */
export async function paintedWhen(win: Window, ready: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error("not painted in time");
    await nextPaint(win);
  }
  await nextPaint(win);
}
