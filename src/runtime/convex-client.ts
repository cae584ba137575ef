import { ConvexClient } from "convex/browser";
import type { ClientLike } from "./gateway";

/**
 * The Convex client, in a chunk of its own (see deferred-client.ts). No console output of our
 * backend's logs in customers' pages, and no "unsaved changes" prompt on unload: the outbox
 * persists pending messages itself.
 */
export function connect(convexUrl: string): ClientLike {
  return new ConvexClient(convexUrl, { unsavedChangesWarning: false, logger: false });
}
