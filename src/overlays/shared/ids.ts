import { useState } from "preact/hooks";

let next = 0;

/** An id unique within the shadow root, stable for the component's life (for aria-labelledby). */
export function useId(prefix: string): string {
  const [id] = useState(() => `oc-${prefix}-${++next}`);
  return id;
}
