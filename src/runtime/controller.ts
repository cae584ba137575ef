import type { MessengerController, WidgetUiState } from "../messenger/types";
import type { Emitter } from "../sdk/emitter";
import type { WidgetEvents } from "../sdk/types";
import { functions, type ActionRef } from "./functions";
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
  /** Starts a tour or checklist through the engagement overlays (WidgetInstance.startExperience). */
  startExperience(kind: "tour" | "checklist", id: string): void;
  /** Runs an action with the session token (see gateway.ts callAction). */
  act(action: ActionRef, args: Record<string, unknown>): Promise<unknown>;
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
    send(conversationKey, body, attachments) {
      outbox.add(conversationKey, body, attachments);
      deps.deliver();
    },
    retry(clientMessageId) {
      outbox.retry(clientMessageId);
      deps.deliver();
    },
    watch: (query, args, onValue, onError) => gateway.watch(query, args, onValue, onError),
    mutate: (mutation, args) => gateway.mutate(mutation, args),
    act: (action, args) => deps.act(action, args),
    startExperience: (kind, id) => deps.startExperience(kind, id),
  };
}
