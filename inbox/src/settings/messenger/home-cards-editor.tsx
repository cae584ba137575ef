export type EditableCard = { title: string; body: string; url: string };

const MAX_CARDS = 5;

/** Up to five cards on the messenger's Home tab: a title, an optional text and link. */
export function HomeCardsEditor({
  cards,
  onChange,
  errorFor,
  listError,
}: {
  cards: EditableCard[];
  onChange: (next: EditableCard[]) => void;
  errorFor: (field: string) => string | null;
  listError: string | null;
}) {
  const update = (index: number, change: Partial<EditableCard>) => onChange(cards.map((card, at) => (at === index ? { ...card, ...change } : card)));
  const text = (index: number, key: keyof EditableCard) => (event: Event) => update(index, { [key]: (event.currentTarget as HTMLInputElement).value });
  return (
    <fieldset class="stack">
      <legend>Home cards</legend>
      {cards.length === 0 && <p class="hint">No cards: Home shows the greeting and the conversation starter only.</p>}
      {cards.map((card, index) => {
        const error = errorFor(`homeCards.${index}`);
        const errorId = `card-${index}-error`;
        const described = error !== null ? { "aria-describedby": errorId, "aria-invalid": "true" as const } : {};
        return (
          <div key={index} class="home-card-row" role="group" aria-label={`Card ${index + 1}`}>
            <label>Title <span class="visually-hidden">of card {index + 1}</span><input value={card.title} maxLength={100} {...described} onInput={text(index, "title")} /></label>
            <label>Text <span class="visually-hidden">of card {index + 1}</span><input value={card.body} maxLength={300} {...described} onInput={text(index, "body")} /></label>
            <label>Link <span class="visually-hidden">of card {index + 1}</span><input type="url" value={card.url} {...described} onInput={text(index, "url")} /></label>
            <button type="button" class="quiet" onClick={() => onChange(cards.filter((_, at) => at !== index))}>
              Remove<span class="visually-hidden"> card {index + 1}</span>
            </button>
            {error !== null && <p id={errorId} class="error" role="alert">{error}</p>}
          </div>
        );
      })}
      <div>
        <button type="button" class="quiet" disabled={cards.length >= MAX_CARDS} onClick={() => onChange([...cards, { title: "", body: "", url: "" }])}>Add a card</button>
      </div>
      {listError !== null && <p class="error" role="alert">{listError}</p>}
    </fieldset>
  );
}
