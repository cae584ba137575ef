import type { BotButton } from "../../../../core/bots/responses";
import { isWebUrl } from "../../../../core/bots/limits";
import { useT } from "../i18n";

export type WebviewRequest = {
  url: string;
  title: string;
  height: "full" | "tall" | "compact";
};

export interface ButtonProps {
  button: BotButton;
  /** A postback or goto: the server reads the button from the stored message. */
  onChoose(): void;
  onWebview(request: WebviewRequest): void;
}

/**
 * One bot button as what it does: a choice is a button; a link opens a checked
 * http(s) URL in a new tab; a webview opens a sandboxed sheet; a phone number dials.
 */
export function BotButtonView({ button, onChoose, onWebview }: ButtonProps) {
  const t = useT();
  switch (button.type) {
    case "postback":
    case "goto":
      return (
        <button type="button" class="oc-bot-button" onClick={onChoose}>
          {button.title}
        </button>
      );
    case "url":
      if (!isWebUrl(button.value)) return null;
      return (
        <a
          class="oc-bot-button"
          href={button.value}
          target="_blank"
          rel="noopener noreferrer nofollow"
        >
          {button.title || button.value}
          <span class="oc-visually-hidden"> {t.bots.opensInNewTab}</span>
        </a>
      );
    case "webview":
      if (!isWebUrl(button.value)) return null;
      return (
        <button
          type="button"
          class="oc-bot-button"
          aria-haspopup="dialog"
          onClick={() =>
            onWebview({
              url: button.value,
              title: button.title,
              height: button.height,
            })
          }
        >
          {button.title}
        </button>
      );
    case "phone":
      return (
        <a
          class="oc-bot-button"
          href={`tel:${button.value}`}
          aria-label={`${button.title}: ${t.bots.call(button.value)}`}
        >
          {button.title}
        </a>
      );
  }
}
