import type { ActionRef, MutationRef, QueryRef, ResultOf, SessionArgsOf } from "../runtime/functions";
import type { Outbox, OutboxAttachment } from "../runtime/outbox";
import type { Store } from "../runtime/store";
import type { WidgetUiState } from "../runtime/ui-state";

export type Unsubscribe = () => void;

/** What the launcher needs, known before the runtime has connected anything. */
export interface MessengerShell {
  state: Store<WidgetUiState>;
  setOpen(open: boolean): void;
}

/** What the messenger UI may do: a narrow surface over the runtime, easy to fake in tests. */
export interface MessengerController extends MessengerShell {
  outbox: Outbox;
  /** Live conversation list; raw values, parsed by the panel (see wire.ts). */
  watchConversations(onValue: (value: unknown) => void, onError: (error: Error) => void): Unsubscribe;
  /** Live messages of one conversation; raw values, parsed by the panel (see wire.ts). */
  watchMessages(conversationId: string, onValue: (value: unknown) => void, onError: (error: Error) => void): Unsubscribe;
  markAsRead(conversationId: string): void;
  /** Queues a message; `conversationKey` is an id or a local key for a new conversation. */
  send(conversationKey: string, body: string, attachments?: OutboxAttachment[]): void;
  retry(clientMessageId: string): void;
  /*
   * Generic backend access for the lazily loaded tabs: each names its functions from the
   * `backend` table (runtime/functions.ts) in its own chunk; the session token is added below.
   */
  watch<Q extends QueryRef>(query: Q, args: SessionArgsOf<Q>, onValue: (value: ResultOf<Q>) => void, onError: (error: Error) => void): Unsubscribe;
  mutate<M extends MutationRef>(mutation: M, args: SessionArgsOf<M>): Promise<ResultOf<M>>;
  act<A extends ActionRef>(action: A, args: SessionArgsOf<A>): Promise<ResultOf<A>>;
  /** Starts a tour or checklist (engagement overlays), as OpencomWidget.startTour / startChecklist do. */
  startExperience(kind: "tour" | "checklist", id: string): void;
  /** The visitor downloaded a conversation's transcript (a widget configuration may listen for it). */
  transcriptExported(): void;
}
