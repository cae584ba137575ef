import type { SlaStatus } from "./sla";

/** A clock's state as a short badge; the breach one reads "Breached" to assistive tech too. */
export function SlaBadge({ status }: { status: SlaStatus }) {
  return <span class={`sla sla-${status.kind}`}>{status.text}</span>;
}
