import { useEffect } from "preact/hooks";
import { safeUrl } from "../../../core/markdown/url";
import { tryMutate, useOverlayEnv } from "../shared/mount";
import type { OutboundButton, OutboundMessage } from "./wire";
import { backend } from "../../runtime/functions";

export type OutboundActions = {
  /** The visitor closed it without acting. */
  dismiss(): void;
  press(button: OutboundButton): void;
  /** A chat's Reply: the conversation starts with the chat's message as its first line. */
  reply(): void;
};

/**
 * What an outbound message does: records `shown` once it is on screen, `dismissed` when
 * closed, `clicked` (its completion, with the button's position for the results) when a
 * button other than "dismiss" is pressed.
 */
export function useOutboundActions(message: OutboundMessage): OutboundActions {
  const { context } = useOverlayEnv();
  const record = (action: "shown" | "dismissed" | "clicked", buttonIndex = -1) =>
    void tryMutate(context, backend.outboundMessages.recordImpression, {
      messageId: message.id,
      action,
      ...(buttonIndex >= 0 ? { buttonIndex } : {}),
    });
  useEffect(() => record("shown"), []);

  const dismiss = () => {
    record("dismissed");
    context.close();
  };
  const openMessenger = (buttonIndex: number) => {
    record("clicked", buttonIndex);
    context.close();
    context.openMessenger();
  };
  const reply = async () => {
    context.close();
    // The server records the click; without a conversation (offline, refused) the messenger
    // still opens, on its list.
    const started = (await tryMutate(context, backend.outboundMessages.startChat, { messageId: message.id })) as { conversationId?: unknown } | null;
    context.openMessenger(typeof started?.conversationId === "string" ? started.conversationId : undefined);
  };
  return {
    dismiss,
    reply: () => void reply(),
    press(button) {
      if (button.action === "dismiss") return dismiss();
      const buttonIndex = message.buttons.indexOf(button);
      if (button.action === "open_messenger") return openMessenger(buttonIndex);
      const href = button.url === null ? null : safeUrl(button.url);
      record("clicked", buttonIndex);
      // Only http(s), mailto and tel links open; a new tab that cannot reach back to the page.
      if (href !== null) context.win.open(href, "_blank", "noopener,noreferrer");
      context.close();
    },
  };
}
