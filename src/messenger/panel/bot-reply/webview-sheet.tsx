import { useEffect, useRef } from "preact/hooks";
import { useT } from "../i18n";
import type { WebviewRequest } from "./buttons";

/**
 * A bot's webview: a sheet over the conversation at the height the bot asked
 * for, its page in a sandboxed frame (scripts and forms, but no access to the
 * host page, the widget or its storage: no allow-same-origin).
 */
export function WebviewSheet({
  request,
  onClose,
}: {
  request: WebviewRequest;
  onClose(): void;
}) {
  const t = useT();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      class={`oc-webview oc-webview-${request.height}`}
      role="dialog"
      aria-modal="true"
      aria-label={request.title}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        // Escape closes the sheet only, not the messenger around it.
        event.stopPropagation();
        onClose();
      }}
    >
      <div class="oc-webview-bar">
        <p class="oc-webview-title">{request.title}</p>
        <button
          ref={close}
          type="button"
          class="oc-bot-button"
          onClick={onClose}
        >
          {t.bots.closeWebview}
        </button>
      </div>
      <iframe
        class="oc-webview-frame"
        src={request.url}
        title={request.title}
        sandbox="allow-scripts allow-forms allow-popups"
        referrerpolicy="no-referrer"
      />
    </div>
  );
}
