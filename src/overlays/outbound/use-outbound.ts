import { useEffect } from "preact/hooks";
import { safeUrl } from "../../ui/markdown/url";
import { tryMutate, useOverlayEnv } from "../shared/mount";
import type { OutboundButton, OutboundMessage } from "./wire";

export type OutboundActions = {
  /** The visitor closed it without acting. */
  dismiss(): void;
  press(button: OutboundButton): void;
  /** Acting on the message itself (a chat's Reply): opens the messenger. */
  reply(): void;
};

/**
 * What an outbound message does: records `shown` once it is on screen, `dismissed` when
 * closed, `clicked` (its completion) when a button other than "dismiss" is pressed.
 */
export function useOutboundActions(message: OutboundMessage): OutboundActions {
  const { context } = useOverlayEnv();
  const record = (action: "shown" | "dismissed" | "clicked") =>
    void tryMutate(context, "outboundMessages:recordImpression", { messageId: message.id, action });
  useEffect(() => record("shown"), []);

  const dismiss = () => {
    record("dismissed");
    context.close();
  };
  const openMessenger = () => {
    record("clicked");
    context.close();
    context.openMessenger();
  };
  return {
    dismiss,
    reply: openMessenger,
    press(button) {
      if (button.action === "dismiss") return dismiss();
      if (button.action === "open_messenger") return openMessenger();
      const href = button.url === null ? null : safeUrl(button.url);
      record("clicked");
      // Only http(s), mailto and tel links open; a new tab that cannot reach back to the page.
      if (href !== null) context.win.open(href, "_blank", "noopener,noreferrer");
      context.close();
    },
  };
}
