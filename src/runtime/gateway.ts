import type { ConvexClient } from "convex/browser";
import type { FunctionArgs } from "convex/server";
import { readAppError } from "./errors";
import type { ActionRef, MutationRef, QueryRef, ResultOf, SessionArgsOf } from "./functions";
import type { Session } from "./session";
import { runAtOnce, type Slicer } from "./slices";

/** The part of ConvexClient the widget uses; tests pass a fake. */
export type ClientLike = Pick<
  ConvexClient,
  "onUpdate" | "mutation" | "action" | "connectionState" | "subscribeToConnectionState" | "close"
>;

/**
 * Calls into the backend with the session token added, so nothing above this layer
 * handles tokens: live queries follow token changes, and a call refused with
 * UNAUTHENTICATED boots again (same sessionId) and is retried once.
 */
export interface Gateway {
  watch<Q extends QueryRef>(
    query: Q,
    args: SessionArgsOf<Q>,
    onValue: (value: ResultOf<Q>) => void,
    onError?: (error: Error) => void,
  ): () => void;
  mutate<M extends MutationRef>(mutation: M, args: SessionArgsOf<M>): Promise<ResultOf<M>>;
}

/**
 * The arguments as sent: the widget's, plus the token. Ids travel as the strings the
 * server gave; the server's validators check every argument.
 */
const withToken = <F extends QueryRef | MutationRef | ActionRef>(args: SessionArgsOf<F>, sessionToken: string) =>
  ({ ...args, sessionToken }) as unknown as FunctionArgs<F>;

const isUnauthenticated = (error: unknown) => readAppError(error)?.code === "UNAUTHENTICATED";

/** Calls with the session's current token; a refused token boots again and the call is retried once. */
export async function withSessionToken<T>(session: Session, call: (token: string) => Promise<T>): Promise<T> {
  const { token } = await session.ready();
  try {
    return await call(token);
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
    const fresh = await session.reboot(token);
    return call(fresh.token);
  }
}

/** An action that takes the session token (e.g. files:saveUpload), with the same re-boot on UNAUTHENTICATED. */
export function callAction<A extends ActionRef>(client: ClientLike, session: Session, action: A, args: SessionArgsOf<A>): Promise<ResultOf<A>> {
  return withSessionToken(session, (sessionToken) => client.action(action, withToken<A>(args, sessionToken)));
}

/**
 * `slicer`: when a session (re)boots, every live query resubscribes with the new token at
 * once; the slicer spreads those subscriptions over short tasks.
 */
export function createGateway(client: ClientLike, session: Session, slicer: Slicer = runAtOnce): Gateway {
  return {
    watch(query, args, onValue, onError) {
      let stopQuery: (() => void) | null = null;
      let stopped = false;
      const subscribe = (token: string) => {
        if (stopped) return;
        stopQuery?.();
        stopQuery = client.onUpdate(query, withToken<typeof query>(args, token), onValue, (error) => {
          // A rotated or expired token: re-boot; the token listener below resubscribes.
          if (isUnauthenticated(error)) session.reboot(token).catch(() => {});
          else onError?.(error);
        });
      };
      const snapshot = session.current();
      if (snapshot) subscribe(snapshot.token);
      else session.ready().catch(() => {}); // the token listener subscribes once booted
      const stopListening = session.subscribe((next) => slicer.run(() => subscribe(next.token)));
      return () => {
        stopped = true;
        stopListening();
        stopQuery?.();
        stopQuery = null;
      };
    },

    mutate: (mutation, args) => withSessionToken(session, (sessionToken) => client.mutation(mutation, withToken<typeof mutation>(args, sessionToken))),
  };
}
