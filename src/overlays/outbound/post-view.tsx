import { useStrings } from "../shared/mount";
import { useRef } from "preact/hooks";
import { Markdown } from "../../ui/markdown/render";
import { CloseButton } from "../shared/close-button";
import { useDialogFocus } from "../shared/focus";
import { useId } from "../shared/ids";
import { ActionButtons } from "./buttons";
import { useOutboundActions } from "./use-outbound";
import type { OutboundMessage } from "./wire";

/** A post: a modal card in the middle of the page. */
export function PostView({ message }: { message: OutboundMessage }) {
  const t = useStrings();
  const actions = useOutboundActions(message);
  const ref = useRef<HTMLElement>(null);
  const titleId = useId("post-title");
  useDialogFocus(ref, { autoFocus: true, trap: true, onEscape: actions.dismiss });
  const label = message.senderName === null ? t.message : t.messageFrom(message.senderName);
  return (
    <div class="oc-modal">
      <section
        ref={ref}
        class="oc-o-card oc-post"
        role="dialog"
        aria-modal="true"
        {...(message.title === null ? { "aria-label": label } : { "aria-labelledby": titleId })}
        tabIndex={-1}
      >
        <CloseButton label={t.close} onClick={actions.dismiss} />
        {message.senderName !== null && <p class="oc-o-meta">{message.senderName}</p>}
        {message.title !== null && (
          <h2 class="oc-o-title" id={titleId}>
            {message.title}
          </h2>
        )}
        <div class="oc-o-body">
          <Markdown text={message.body} />
        </div>
        {message.buttons.length > 0 && (
          <div class="oc-o-actions">
            <ActionButtons buttons={message.buttons} actions={actions} />
          </div>
        )}
      </section>
    </div>
  );
}
