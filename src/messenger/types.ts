import type { Outbox } from "../runtime/outbox";
import type { WidgetSettings } from "../runtime/settings";
import type { Store } from "../runtime/store";

export type ConnectionStatus = "connecting" | "online" | "reconnecting";

/** A request from the public API (showMessages, showNewMessage) for the panel to act on. */
export type PanelIntent = { kind: "messages"; seq: number } | { kind: "new"; text: string; seq: number };

/** Everything the launcher and the panel render from. Written by the runtime only. */
export interface WidgetUiState {
  open: boolean;
  /** Null until known (from cache or boot); nothing is shown until then. */
  settings: WidgetSettings | null;
  unread: number;
  connection: ConnectionStatus;
  /** The session has booted at least once. */
  ready: boolean;
  intent: PanelIntent | null;
}

export type Unsubscribe = () => void;

/** What the messenger UI may do: a narrow surface over the runtime, easy to fake in tests. */
export interface MessengerController {
  state: Store<WidgetUiState>;
  outbox: Outbox;
  setOpen(open: boolean): void;
  /** Live conversation list; raw values, parsed by the panel (see wire.ts). */
  watchConversations(onValue: (value: unknown) => void, onError: (error: Error) => void): Unsubscribe;
  /** Live messages of one conversation; raw values, parsed by the panel (see wire.ts). */
  watchMessages(conversationId: string, onValue: (value: unknown) => void, onError: (error: Error) => void): Unsubscribe;
  markAsRead(conversationId: string): void;
  /** Queues a message; `conversationKey` is an id or a local key for a new conversation. */
  send(conversationKey: string, body: string): void;
  retry(clientMessageId: string): void;
}
