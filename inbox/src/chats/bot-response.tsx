import { isWebUrl } from "../../../core/bots/limits";
import { validateShownResponse, type BotButton } from "../../../core/bots/responses";
import { Markdown } from "../../../src/ui/markdown/render";

/** What a bot button did for the visitor, in words an operator reads at a glance. */
function ButtonLine({ button }: { button: BotButton }) {
  switch (button.type) {
    case "postback":
      return <li>{button.title} <span class="muted">(reply “{button.value}”)</span></li>;
    case "goto":
      return <li>{button.title} <span class="muted">(goes to a story step)</span></li>;
    case "url":
    case "webview":
      return (
        <li>
          {isWebUrl(button.value) ? (
            <a href={button.value} target="_blank" rel="noopener noreferrer nofollow">{button.title || button.value}</a>
          ) : (
            button.title
          )}{" "}
          <span class="muted">({button.type === "webview" ? `webview, ${button.height}` : "link"})</span>
        </li>
      );
    case "phone":
      return <li>{button.title} <span class="muted">(call {button.value})</span></li>;
  }
}

/**
 * A bot's rich response as the visitor saw it: the same checks (core/bots),
 * the same markdown renderer for text, and every card and button listed.
 */
export function BotResponseView({ response, answered }: { response: unknown; answered: boolean }) {
  const checked = validateShownResponse(response);
  if (!checked.ok) return <p class="muted">(a response that could not be shown)</p>;
  const shown = checked.value;
  switch (shown.type) {
    case "text":
      return <div class="body"><Markdown text={shown.message} /></div>;
    case "image":
      return isWebUrl(shown.imageUrl) ? <img class="bot-image" src={shown.imageUrl} alt="Image sent by the bot" loading="lazy" /> : null;
    case "quickReplies":
    case "buttons":
      return (
        <div class="body bot-rich">
          <Markdown text={shown.title} />
          <ul class="bot-buttons" aria-label={shown.type === "quickReplies" ? "Quick replies" : "Buttons"}>
            {shown.buttons.map((button, index) => <ButtonLine key={index} button={button} />)}
          </ul>
          {shown.type === "quickReplies" && answered && <p class="muted">The visitor picked one.</p>}
        </div>
      );
    case "cards":
      return (
        <ol class="bot-cards" aria-label="Cards">
          {shown.elements.map((card, index) => (
            <li key={index} class="bot-card">
              {isWebUrl(card.imageUrl) && <img src={card.imageUrl} alt="" loading="lazy" />}
              <p><strong>{card.title}</strong></p>
              <p class="muted">{card.subtitle}</p>
              <ul class="bot-buttons">{card.buttons.map((button, b) => <ButtonLine key={b} button={button} />)}</ul>
            </li>
          ))}
        </ol>
      );
  }
}
