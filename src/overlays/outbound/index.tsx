import { mountOverlay } from "../shared/mount";
import type { OverlayContext, OverlayHandle } from "../types";
import { BannerView } from "./banner-view";
import { ChatView } from "./chat-view";
import { PostView } from "./post-view";
import { OUTBOUND_CSS } from "./styles";
import { parseOutbound, type OutboundMessage } from "./wire";

function OutboundOverlay({ message }: { message: OutboundMessage }) {
  if (message.type === "banner") return <BannerView message={message} />;
  if (message.type === "chat") return <ChatView message={message} />;
  return <PostView message={message} />;
}

/** The outbound messages chunk's entry (loaded by the stage, src/overlays/stage.ts, when one is due). */
export function mount(context: OverlayContext): OverlayHandle {
  return mountOverlay(context, {
    name: "outbound message",
    css: OUTBOUND_CSS,
    parse: parseOutbound,
    view: (message) => <OutboundOverlay message={message} />,
  });
}
