import type { ConvexClient } from "convex/browser";
import { readAppError } from "./errors";
import type { MutationRef, QueryRef } from "./functions";
import type { Session } from "./session";

/** The part of ConvexClient the widget uses; tests pass a fake. */
export type ClientLike = Pick<
  ConvexClient,
  "onUpdate" | "mutation" | "action" | "connectionState" | "subscribeToConnectionState" | "close"
>;

type Args = Record<string, unknown>;

/**
 * Calls into the backend with the session token added, so nothing above this layer
 * handles tokens: live queries follow token changes, and a call refused with
 * UNAUTHENTICATED boots again (same sessionId) and is retried once.
 */
export interface Gateway {
  watch(
    query: QueryRef,
    args: Args,
    onValue: (value: unknown) => void,
    onError?: (error: Error) => void,
  ): () => void;
  mutate(mutation: MutationRef, args: Args): Promise<unknown>;
}

export function createGateway(client: ClientLike, session: Session): Gateway {
  const isUnauthenticated = (error: unknown) => readAppError(error)?.code === "UNAUTHENTICATED";

  return {
    watch(query, args, onValue, onError) {
      let stopQuery: (() => void) | null = null;
      const subscribe = (token: string) => {
        stopQuery?.();
        stopQuery = client.onUpdate(query, { ...args, sessionToken: token }, onValue, (error) => {
          // A rotated or expired token: re-boot; the token listener below resubscribes.
          if (isUnauthenticated(error)) session.reboot(token).catch(() => {});
          else onError?.(error);
        });
      };
      const snapshot = session.current();
      if (snapshot) subscribe(snapshot.token);
      else session.ready().catch(() => {}); // the token listener subscribes once booted
      const stopListening = session.subscribe((next) => subscribe(next.token));
      return () => {
        stopListening();
        stopQuery?.();
        stopQuery = null;
      };
    },

    async mutate(mutation, args) {
      const { token } = await session.ready();
      try {
        return await client.mutation(mutation, { ...args, sessionToken: token });
      } catch (error) {
        if (!isUnauthenticated(error)) throw error;
        const fresh = await session.reboot(token);
        return client.mutation(mutation, { ...args, sessionToken: fresh.token });
      }
    },
  };
}
