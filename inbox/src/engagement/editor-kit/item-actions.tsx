/**
 * Move up, move down and remove for one item of a list; the buttons name the
 * item ("Move question 2 up"), so a screen reader hears which one they act on.
 */
export function ItemActions({ what, index, count, onMove, onRemove, removable = true }: {
  what: string;
  index: number;
  count: number;
  onMove?(delta: number): void;
  onRemove(): void;
  removable?: boolean;
}) {
  const name = `${what} ${index + 1}`;
  return (
    <div class="actions editor-row-actions">
      {onMove !== undefined && (
        <>
          <button type="button" class="quiet" disabled={index === 0} onClick={() => onMove(-1)}>
            Move up<span class="visually-hidden"> {name}</span>
          </button>
          <button type="button" class="quiet" disabled={index === count - 1} onClick={() => onMove(1)}>
            Move down<span class="visually-hidden"> {name}</span>
          </button>
        </>
      )}
      <button type="button" class="quiet" disabled={!removable} onClick={onRemove}>
        Remove<span class="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}
