import { useStrings } from "../shared/mount";
import { useRef } from "preact/hooks";
import { Markdown } from "../../ui/markdown/render";
import { CloseButton } from "../shared/close-button";
import { ActionButtons } from "./buttons";
import { useReservedSpace } from "./reserve-space";
import { useOutboundActions } from "./use-outbound";
import type { OutboundMessage } from "./wire";

/** A banner: a strip across the top or bottom of the page, which it pushes aside; it never takes focus. */
export function BannerView({ message }: { message: OutboundMessage }) {
  const t = useStrings();
  const actions = useOutboundActions(message);
  const ref = useRef<HTMLDivElement>(null);
  useReservedSpace(ref, message.bannerPosition);
  return (
    <div
      ref={ref}
      class="oc-banner-o"
      data-position={message.bannerPosition}
      role="region"
      aria-label={message.title ?? t.announcement}
      onKeyDown={(event) => {
        if (event.key === "Escape" && message.dismissible) actions.dismiss();
      }}
    >
      <div class="oc-banner-text">
        {message.title !== null && <strong>{message.title} </strong>}
        <Markdown text={message.body} />
      </div>
      {message.buttons.length > 0 && (
        <div class="oc-banner-actions">
          <ActionButtons buttons={message.buttons} actions={actions} />
        </div>
      )}
      {message.dismissible && <CloseButton label={t.dismiss} onClick={actions.dismiss} />}
    </div>
  );
}
