import { useState } from "preact/hooks";
import type { BotCard } from "../../../../core/bots/responses";
import { isWebUrl } from "../../../../core/bots/limits";
import { useT } from "../i18n";
import { BotButtonView, type WebviewRequest } from "./buttons";

export interface CardsProps {
  cards: BotCard[];
  onChoose(elementIndex: number, buttonIndex: number): void;
  onWebview(request: WebviewRequest): void;
}

/**
 * Cards as a carousel (the WAI-ARIA carousel pattern): one card at a time,
 * Previous and Next buttons, and the arrow keys while focus is inside it.
 */
export function CardsCarousel({ cards, onChoose, onWebview }: CardsProps) {
  const t = useT();
  const [index, setIndex] = useState(0);
  // aria-disabled rather than disabled at either end, so focus stays on the button (and in the carousel).
  const go = (next: number) =>
    setIndex(Math.min(cards.length - 1, Math.max(0, next)));
  const card = cards[index];
  if (card === undefined) return null;
  return (
    <div
      class="oc-bot-cards"
      role="region"
      aria-roledescription="carousel"
      aria-label={t.bots.cards}
      onKeyDown={(event) => {
        if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
          event.preventDefault();
          go(index + (event.key === "ArrowRight" ? 1 : -1));
        }
      }}
    >
      <div
        class="oc-bot-card"
        role="group"
        aria-roledescription="slide"
        aria-label={t.bots.card(index + 1, cards.length)}
        aria-live="polite"
      >
        {isWebUrl(card.imageUrl) && (
          <img
            class="oc-bot-card-image"
            src={card.imageUrl}
            alt=""
            loading="lazy"
          />
        )}
        <p class="oc-bot-card-title">{card.title}</p>
        <p class="oc-bot-card-subtitle">{card.subtitle}</p>
        <div class="oc-bot-buttons">
          {card.buttons.map((button, buttonIndex) => (
            <BotButtonView
              key={buttonIndex}
              button={button}
              onChoose={() => onChoose(index, buttonIndex)}
              onWebview={onWebview}
            />
          ))}
        </div>
      </div>
      {cards.length > 1 && (
        <div class="oc-bot-cards-nav">
          <button
            type="button"
            class="oc-bot-nav"
            aria-label={t.bots.previousCard}
            aria-disabled={index === 0}
            onClick={() => go(index - 1)}
          >
            ‹
          </button>
          <span aria-hidden="true">{t.bots.card(index + 1, cards.length)}</span>
          <button
            type="button"
            class="oc-bot-nav"
            aria-label={t.bots.nextCard}
            aria-disabled={index === cards.length - 1}
            onClick={() => go(index + 1)}
          >
            ›
          </button>
        </div>
      )}
    </div>
  );
}
