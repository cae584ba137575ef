import type { MessengerController, WidgetUiState } from "../messenger/types";
import type { Emitter } from "../sdk/emitter";
import type { WidgetEvents } from "../sdk/types";
import { functions } from "./functions";
import type { Gateway } from "./gateway";
import type { Outbox } from "./outbox";
import type { Store } from "./store";

export interface ControllerDeps {
  state: Store<WidgetUiState>;
  outbox: Outbox;
  gateway: Gateway;
  emitter: Emitter<WidgetEvents>;
  /** Start (or continue) delivering the outbox. */
  deliver(): void;
}

/** The messenger UI's view of the runtime (see MessengerController). */
export function createController(deps: ControllerDeps): MessengerController {
  const { state, outbox, gateway, emitter } = deps;
  return {
    state,
    outbox,
    setOpen(open) {
      if (state.get().open === open) return;
      state.set({ open });
      emitter.emit(open ? "open" : "close", undefined);
    },
    watchConversations: (onValue, onError) => gateway.watch(functions.listConversations, {}, onValue, onError),
    watchMessages: (conversationId, onValue, onError) =>
      gateway.watch(functions.listMessages, { conversationId }, onValue, onError),
    markAsRead(conversationId) {
      // Best effort: the next visible message marks the conversation read again anyway.
      gateway.mutate(functions.markAsRead, { conversationId }).catch(() => {});
    },
    send(conversationKey, body) {
      outbox.add(conversationKey, body);
      deps.deliver();
    },
    retry(clientMessageId) {
      outbox.retry(clientMessageId);
      deps.deliver();
    },
  };
}
