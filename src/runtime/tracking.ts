import { logError } from "../sdk/log";
import type { Attributes } from "../sdk/types";
import { readAppError } from "./errors";
import { backend } from "./functions";
import type { Gateway } from "./gateway";

export { PAGE_VIEW_EVENT, PRESENCE_EVENT } from "../../core/engagement/event-names";

/**
 * Sends one event. Fire-and-forget: tracking must never break the page, so only a
 * rejected argument (the caller's mistake) is logged; rate limits and outages drop the event.
 */
export function trackEvent(gateway: Gateway, name: string, properties: Attributes | undefined, url: string): void {
  gateway
    .mutate(backend.events.track, { name, url, ...(properties ? { properties } : {}) })
    .catch((error: unknown) => {
      const info = readAppError(error);
      if (info?.code === "INVALID_ARGUMENT") logError(`trackEvent("${name}") was refused: ${info.message}`);
    });
}
