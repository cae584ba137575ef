import { listOf, optionalText, replaced, removed, textOf } from "../editor-kit/lists";
import { withField } from "../draft";

/**
 * An outbound message's own fields between the REST body (the draft) and the
 * form. Optional texts left blank are absent; a button's url exists only on
 * "url" buttons; the banner position only on banners.
 */

export type OutboundType = "chat" | "post" | "banner";
export type ButtonAction = "dismiss" | "url" | "open_messenger";
export type OutboundButton = { label: string; action: ButtonAction; url?: string };

export const OUTBOUND_TYPES: ReadonlyArray<readonly [OutboundType, string]> = [
  ["chat", "Chat message"],
  ["post", "Post"],
  ["banner", "Banner"],
];
export const BUTTON_ACTIONS: ReadonlyArray<readonly [ButtonAction, string]> = [
  ["dismiss", "Dismiss"],
  ["url", "Open a link"],
  ["open_messenger", "Open the messenger"],
];
export const MAX_BUTTONS = 3;

export type OutboundForm = {
  type: OutboundType;
  title: string;
  body: string;
  senderName: string;
  buttons: OutboundButton[];
  bannerPosition: "top" | "bottom";
  /** The widget's default: a message can be dismissed unless told otherwise. */
  dismissible: boolean;
};

export function emptyOutbound(): Record<string, unknown> {
  return { name: "", status: "draft", type: "chat", body: "", buttons: [], trigger: { type: "page_load" }, frequency: { type: "once" } };
}

export function outboundForm(draft: Record<string, unknown>): OutboundForm {
  const type = OUTBOUND_TYPES.some(([known]) => known === draft["type"]) ? (draft["type"] as OutboundType) : "chat";
  return {
    type,
    title: textOf(draft["title"]),
    body: textOf(draft["body"]),
    senderName: textOf(draft["senderName"]),
    buttons: listOf<OutboundButton>(draft, "buttons"),
    bannerPosition: draft["bannerPosition"] === "bottom" ? "bottom" : "top",
    dismissible: draft["dismissible"] !== false,
  };
}

export function withType(draft: Record<string, unknown>, type: OutboundType): Record<string, unknown> {
  const next = withField(draft, "type", type);
  return type === "banner" ? withField(next, "bannerPosition", next["bannerPosition"] ?? "top") : withField(next, "bannerPosition", undefined);
}

export function withText(draft: Record<string, unknown>, key: "title" | "senderName", text: string): Record<string, unknown> {
  return withField(draft, key, optionalText(text));
}

export function withButton(draft: Record<string, unknown>, index: number, patch: Partial<OutboundButton>): Record<string, unknown> {
  const buttons = listOf<OutboundButton>(draft, "buttons");
  const current = buttons[index];
  if (current === undefined) return draft;
  const next: OutboundButton = { ...current, ...patch };
  if (next.action !== "url") delete next.url;
  else next.url ??= "";
  return withField(draft, "buttons", replaced(buttons, index, next));
}

export function withNewButton(draft: Record<string, unknown>): Record<string, unknown> {
  const buttons = listOf<OutboundButton>(draft, "buttons");
  if (buttons.length >= MAX_BUTTONS) return draft;
  return withField(draft, "buttons", [...buttons, { label: "", action: "dismiss" }]);
}

export function withoutButton(draft: Record<string, unknown>, index: number): Record<string, unknown> {
  return withField(draft, "buttons", removed(listOf<OutboundButton>(draft, "buttons"), index));
}
