/** The backend's limit on a message body (after trimming). */
export const MESSAGE_MAX_LENGTH = 5000;
/** The composer shows a character counter from this length on. */
export const COUNTER_THRESHOLD = 4500;

export type MessageCheck = { ok: true; body: string } | { ok: false; reason: "empty" | "too_long" };

/** What the composer may send: trimmed, not empty, within the limit. */
export function checkMessage(text: string): MessageCheck {
  const body = text.trim();
  if (body.length === 0) return { ok: false, reason: "empty" };
  if (body.length > MESSAGE_MAX_LENGTH) return { ok: false, reason: "too_long" };
  return { ok: true, body };
}
