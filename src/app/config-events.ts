import type { ConfigEventType } from "../../core/theme/configuration";
import type { Emitter } from "../sdk/emitter";
import type { WidgetEvents } from "../sdk/types";
import type { Gateway } from "../runtime/gateway";
import type { Store } from "../runtime/store";
import type { WidgetUiState } from "../runtime/ui-state";

export interface ConfigEventDeps {
  win: Window & typeof globalThis;
  state: Store<WidgetUiState>;
  emitter: Emitter<WidgetEvents>;
  gateway: Gateway;
  /** The configuration's id on the server (null: none stored yet). */
  configurationId(): string | null;
  /** The messenger's panel is on screen (for widget_open's latency). */
  panelShown(): boolean;
  isDestroyed(): boolean;
}

export interface ConfigEvents {
  /** Runs the configuration's listeners for an event; their code loads the first time one is due. */
  fire(eventType: ConfigEventType): void;
  stop(): void;
}

/** The widget configuration's event listeners, fed by the widget's own events and by `fire`. */
export function watchConfigEvents(deps: ConfigEventDeps): ConfigEvents {
  const { win, state, emitter } = deps;
  let listeners: Promise<(eventType: ConfigEventType, startedAt: number) => void> | null = null;
  const fire = (eventType: ConfigEventType) => {
    const configured = state.get().settings?.configuration?.eventListeners ?? [];
    if (!configured.some((listener) => listener.eventType === eventType)) return;
    const startedAt = win.performance.now();
    listeners ??= import("../runtime/config-listeners").then(({ createConfigListeners, nextPaint, paintedWhen }) =>
      createConfigListeners({
        state,
        emitter,
        gateway: deps.gateway,
        configurationId: deps.configurationId,
        painted: (type) => (type === "widget_open" ? paintedWhen(win, deps.panelShown, 10_000) : nextPaint(win)),
        now: () => win.performance.now(),
      }),
    );
    listeners.then((run) => !deps.isDestroyed() && run(eventType, startedAt)).catch(() => {});
  };
  const onOpen = () => fire("widget_open");
  const onClose = () => fire("widget_close");
  const onReceived = () => fire("message_received");
  emitter.on("open", onOpen);
  emitter.on("close", onClose);
  emitter.on("messageReceived", onReceived);
  return {
    fire,
    stop() {
      emitter.off("open", onOpen);
      emitter.off("close", onClose);
      emitter.off("messageReceived", onReceived);
    },
  };
}
