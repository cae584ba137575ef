import { useStrings } from "../shared/mount";
import { useRef } from "preact/hooks";
import { Markdown } from "../../ui/markdown/render";
import { CloseButton } from "../shared/close-button";
import { useDialogFocus } from "../shared/focus";
import { ActionButtons } from "./buttons";
import { useOutboundActions } from "./use-outbound";
import type { OutboundMessage } from "./wire";

/** A chat message from a teammate, beside the launcher; Reply opens the messenger. */
export function ChatView({ message }: { message: OutboundMessage }) {
  const t = useStrings();
  const actions = useOutboundActions(message);
  const ref = useRef<HTMLElement>(null);
  useDialogFocus(ref, { autoFocus: false, trap: false, onEscape: actions.dismiss });
  const sender = message.senderName ?? "";
  return (
    <section
      ref={ref}
      class="oc-o-card oc-dock oc-chat"
      role="dialog"
      aria-modal="false"
      aria-label={sender === "" ? t.message : t.messageFrom(sender)}
    >
      <CloseButton label={t.close} onClick={actions.dismiss} />
      <div class="oc-chat-head">
        <span class="oc-chat-avatar" aria-hidden="true">
          {(sender.trim()[0] ?? "•").toUpperCase()}
        </span>
        {sender !== "" && <p class="oc-o-meta">{sender}</p>}
      </div>
      {message.title !== null && <h2 class="oc-o-title">{message.title}</h2>}
      <div class="oc-o-body">
        <Markdown text={message.body} />
      </div>
      <div class="oc-o-actions">
        <ActionButtons buttons={message.buttons} actions={actions} />
        <button type="button" class={message.buttons.length > 0 ? "oc-btn oc-btn-quiet" : "oc-btn"} onClick={actions.reply}>
          {t.reply}
        </button>
      </div>
    </section>
  );
}
