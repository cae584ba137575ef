import { checkTargetUrl } from "./addresses";
import { invalidArgument } from "./errors";

/** The events a workspace can subscribe to, and the rules a subscription follows. */

export const WEBHOOK_EVENT_TYPES = [
  "conversation.created",
  "message.created",
  "conversation.closed",
  "ticket.created",
  "ticket.state_changed",
  "csat.submitted",
  "visitor.identified",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** `*` subscribes to every event, including ones added later. */
export const ALL_EVENTS = "*";

export const WEBHOOK_LIMITS = {
  subscriptionsPerWorkspace: 20,
  urlMax: 2048,
  descriptionMax: 500,
  /** How long the previous secrets keep signing after a rotation, by default and at most. */
  rotationOverlapDefaultSeconds: 24 * 3600,
  rotationOverlapMaxSeconds: 7 * 24 * 3600,
} as const;

export const WEBHOOK_SECRET_PREFIX = "whsec_";

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export function subscribedTo(events: readonly string[], type: WebhookEventType): boolean {
  return events.includes(ALL_EVENTS) || events.includes(type);
}

/** The stored form of `url`: an http(s) URL, not to a private address unless the deployment allows it. */
export function checkWebhookUrl(url: string, allowPrivate: boolean): string {
  if (url.length > WEBHOOK_LIMITS.urlMax) throw invalidArgument("url", `url must be at most ${WEBHOOK_LIMITS.urlMax} characters.`);
  const target = checkTargetUrl(url.trim(), allowPrivate);
  if (!target.ok) throw invalidArgument("url", `url ${target.reason}.`);
  return target.url.toString();
}

/** Known event types (or `*`), each once, at least one. */
export function checkWebhookEvents(events: readonly string[]): string[] {
  if (events.length === 0) throw invalidArgument("events", "events must name at least one event type.");
  const unique = [...new Set(events)];
  for (const [index, event] of unique.entries()) {
    if (event !== ALL_EVENTS && !isWebhookEventType(event)) {
      throw invalidArgument(`events.${index}`, `Unknown event "${event}"; use one of ${WEBHOOK_EVENT_TYPES.join(", ")} or *.`);
    }
  }
  return unique;
}

export function checkDescription(description: string | undefined): string | undefined {
  const trimmed = description?.trim();
  if (trimmed !== undefined && trimmed.length > WEBHOOK_LIMITS.descriptionMax) {
    throw invalidArgument("description", `description must be at most ${WEBHOOK_LIMITS.descriptionMax} characters.`);
  }
  return trimmed === "" ? undefined : trimmed;
}
