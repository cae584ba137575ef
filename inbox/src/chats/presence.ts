import type { InboxConversation } from "../../../convex/lib/inboxViews";

/**
 * The widget beats once a minute while its tab is visible; a visitor missing two beats
 * (with some slack for a slow network) has left. Judged against the page's own clock.
 */
export const ONLINE_WINDOW_MS = 150_000;

export function isOnline(lastSeenAt: number | null, now: number): boolean {
  return lastSeenAt !== null && now - lastSeenAt < ONLINE_WINDOW_MS;
}

/** "Chrome on macOS (desktop)", or null when the widget reported nothing. */
export function deviceLabel(device: InboxConversation["visitorDevice"]): string | null {
  if (device === null || device === undefined) return null;
  return `${device.browser} on ${device.os} (${device.deviceType})`;
}

/** How many of the listed conversations have their visitor online now. */
export function onlineCount(conversations: readonly Pick<InboxConversation, "visitorLastSeenAt">[], now: number): number {
  return conversations.filter((conversation) => isOnline(conversation.visitorLastSeenAt, now)).length;
}
