import type { Locale } from "../i18n/locales";
import type { WidgetSettings } from "./settings";

/*
 * The state every view of one widget renders from: the launcher and panel (messenger/)
 * and the engagement overlays (overlays/) read it; the composition root (app/) writes it.
 * It lives here, below both, so neither view folder imports the other.
 */

export type ConnectionStatus = "connecting" | "online" | "reconnecting";

/** A request from the public API (showMessages, showNewMessage, showArticle) for the panel to act on. */
export type PanelIntent =
  | { kind: "messages"; seq: number }
  | { kind: "new"; text: string; seq: number }
  | { kind: "article"; articleId: string; seq: number }
  | { kind: "conversation"; conversationId: string; seq: number };

/** Everything the launcher and the panel render from. Written by the composition root only. */
export interface WidgetUiState {
  open: boolean;
  /** Null until known (from cache or boot); nothing is shown until then. */
  settings: WidgetSettings | null;
  unread: number;
  connection: ConnectionStatus;
  /** The session has booted at least once. */
  ready: boolean;
  intent: PanelIntent | null;
  /** The messenger's language: from navigator.languages, or OpencomWidget.setLocale. @default "en" */
  locale?: Locale;
}
