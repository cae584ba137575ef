import type { Delivery } from "../runtime/delivery";
import { backend, type ActionRef, type ResultOf, type SessionArgsOf } from "../runtime/functions";
import type { Gateway } from "../runtime/gateway";
import type { Store } from "../runtime/store";
import type { WidgetUiState } from "../runtime/ui-state";
import type { MessengerController } from "../messenger/types";

export interface ControllerDeps {
  state: Store<WidgetUiState>;
  delivery: Delivery;
  gateway: Gateway;
  /** Opens or closes the messenger (the instance's own, which the launcher uses too). */
  setOpen(open: boolean): void;
  /** Starts a tour or checklist through the engagement overlays (WidgetInstance.startExperience). */
  startExperience(kind: "tour" | "checklist", id: string): void;
  /** The visitor downloaded a transcript: the configuration's `transcript_export` listeners run. */
  onTranscriptExported(): void;
  /** Runs an action with the session token (see gateway.ts callAction). */
  act<A extends ActionRef>(action: A, args: SessionArgsOf<A>): Promise<ResultOf<A>>;
}

/** The messenger UI's view of the runtime (see MessengerController). */
export function createController(deps: ControllerDeps): MessengerController {
  const { state, delivery, gateway } = deps;
  return {
    state,
    outbox: delivery.outbox,
    setOpen: (open) => deps.setOpen(open),
    watchConversations: (onValue, onError) => gateway.watch(backend.conversations.listForVisitor, {}, onValue, onError),
    watchMessages: (conversationId, onValue, onError) =>
      gateway.watch(backend.messages.list, { conversationId }, onValue, onError),
    markAsRead(conversationId) {
      // Best effort: the next visible message marks the conversation read again anyway.
      gateway.mutate(backend.conversations.markAsRead, { conversationId }).catch(() => {});
    },
    send: (conversationKey, body, attachments) => delivery.send(conversationKey, body, attachments),
    retry: (clientMessageId) => delivery.retry(clientMessageId),
    watch: (query, args, onValue, onError) => gateway.watch(query, args, onValue, onError),
    mutate: (mutation, args) => gateway.mutate(mutation, args),
    act: (action, args) => deps.act(action, args),
    startExperience: (kind, id) => deps.startExperience(kind, id),
    transcriptExported: () => deps.onTranscriptExported(),
  };
}
