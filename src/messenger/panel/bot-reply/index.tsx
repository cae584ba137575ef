import { useState } from "preact/hooks";
import { isWebUrl } from "../../../../core/bots/limits";
import {
  validateShownResponse,
  type ShownResponse,
} from "../../../../core/bots/responses";
import type { BotActions } from "../bot-message";
import type { DisplayMessage } from "../../merge";
import { useT } from "../i18n";
import { MarkdownBubble } from "../message-markdown";
import { BotButtonView, type WebviewRequest } from "./buttons";
import { CardsCarousel } from "./cards";
import { WebviewSheet } from "./webview-sheet";
export { CSS } from "./styles";

export interface BotReplyProps {
  bot: NonNullable<DisplayMessage["bot"]>;
  actions: BotActions;
}

/**
 * A bot's response as the visitor sees it, checked again with the rules the
 * server applied (core/bots): text through the safe markdown renderer, images
 * and links only over http(s), choices that go back to the server by index.
 */
export function BotReply({ bot, actions }: BotReplyProps) {
  const t = useT();
  const [webview, setWebview] = useState<WebviewRequest | null>(null);
  const [picked, setPicked] = useState(false);
  const checked = validateShownResponse(bot.response);
  if (!checked.ok) return null;
  const response: ShownResponse = checked.value;
  const choose = (buttonIndex: number, elementIndex?: number) => {
    setPicked(true);
    void actions
      .choose(bot.messageId, buttonIndex, elementIndex)
      .catch(() => setPicked(false));
  };
  const sheet = webview && (
    <WebviewSheet request={webview} onClose={() => setWebview(null)} />
  );
  switch (response.type) {
    case "text":
      return <MarkdownBubble body={response.message} class="oc-delivered" />;
    case "image":
      return isWebUrl(response.imageUrl) ? (
        <img
          class="oc-bot-image"
          src={response.imageUrl}
          alt=""
          loading="lazy"
        />
      ) : null;
    case "quickReplies":
      return (
        <>
          <MarkdownBubble body={response.title} class="oc-delivered" />
          {!bot.answered && !picked && (
            <div
              class="oc-bot-chips"
              role="group"
              aria-label={t.bots.quickReplies}
            >
              {response.buttons.map((button, index) => (
                <button
                  key={index}
                  type="button"
                  class="oc-bot-chip"
                  onClick={() => choose(index)}
                >
                  {button.title}
                </button>
              ))}
            </div>
          )}
        </>
      );
    case "buttons":
      return (
        <>
          <MarkdownBubble body={response.title} class="oc-delivered" />
          <div
            class="oc-bot-buttons"
            role="group"
            aria-label={response.title.slice(0, 80)}
          >
            {response.buttons.map((button, index) => (
              <BotButtonView
                key={index}
                button={button}
                onChoose={() => choose(index)}
                onWebview={setWebview}
              />
            ))}
          </div>
          {sheet}
        </>
      );
    case "cards":
      return (
        <>
          <CardsCarousel
            cards={response.elements}
            onChoose={(element, index) => choose(index, element)}
            onWebview={setWebview}
          />
          {sheet}
        </>
      );
  }
}
