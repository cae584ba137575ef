import { useEffect, useRef } from "preact/hooks";

/*
 * How something outside the reply box (a custom app's fillInput) puts text into it
 * without owning the composer's state: the open composer listens, others ask.
 */

type Fill = (text: string) => void;
const composers = new Set<Fill>();

/** Puts `text` into the open reply box; false when no conversation's composer is open. */
export function fillDraft(text: string): boolean {
  for (const fill of composers) fill(text);
  return composers.size > 0;
}

/** Lets fillDraft reach this composer while it is mounted. */
export function useDraftFill(fill: Fill): void {
  const latest = useRef(fill);
  latest.current = fill;
  useEffect(() => {
    const listener: Fill = (text) => latest.current(text);
    composers.add(listener);
    return () => void composers.delete(listener);
  }, []);
}
