import { BaseConvexClient, type QueryToken } from "convex/browser";
import { getFunctionName } from "convex/server";
import type { ClientLike } from "./gateway";

/*
 * The Convex client, in a chunk of its own (loaded after the launcher has painted, see
 * src/app/env.ts), built on Convex's BaseConvexClient rather than ConvexClient.
 * ConvexClient is BaseConvexClient plus paginated queries (which the widget never runs)
 * routing every update; this file keeps
 * only the live-query callbacks the widget uses, which takes 3 KB gzip off the JavaScript
 * fetched before the messenger opens. Behaviour follows ConvexClient's: a callback runs on
 * each new result, a new subscription to a result already in memory gets it on the next
 * task, and an error goes to `onError`.
 *
 * No console output of our backend's logs in customers' pages, and no "unsaved changes"
 * prompt on unload: the outbox persists pending messages itself.
 */

type Value = unknown;
type Listener = {
  name: string;
  args: Record<string, Value>;
  callback(value: Value): void;
  onError?: ((error: Error) => void) | undefined;
  hasRun: boolean;
};

export function connect(convexUrl: string): ClientLike {
  const listeners = new Map<QueryToken, Set<Listener>>();
  let closed = false;

  /** The query's result in memory: undefined while none has arrived (a query never returns undefined). */
  const current = (listener: Listener) => client.localQueryResult(listener.name, listener.args as never);

  const deliver = (listener: Listener) => {
    listener.hasRun = true;
    let value: Value;
    try {
      value = current(listener);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      if (listener.onError) listener.onError(error);
      else void Promise.reject(error);
      return;
    }
    listener.callback(value);
  };

  const hasResult = (listener: Listener) => {
    try {
      return current(listener) !== undefined;
    } catch {
      return true; // an error result is a result: it goes to onError
    }
  };

  const client = new BaseConvexClient(
    convexUrl,
    (updated) => {
      for (const token of updated) for (const listener of [...(listeners.get(token) ?? [])]) deliver(listener);
    },
    { unsavedChangesWarning: false, logger: false },
  );

  const onUpdate = (query: Parameters<typeof getFunctionName>[0], args: Record<string, Value>, callback: Listener["callback"], onError?: Listener["onError"]) => {
    const name = getFunctionName(query);
    const { queryToken, unsubscribe: release } = client.subscribe(name, args as never);
    const listener: Listener = { name, args, callback, onError, hasRun: false };
    const forToken = listeners.get(queryToken) ?? new Set<Listener>();
    forToken.add(listener);
    listeners.set(queryToken, forToken);
    if (hasResult(listener)) {
      setTimeout(() => {
        if (!closed && forToken.has(listener) && !listener.hasRun) deliver(listener);
      }, 0);
    }
    let active = true;
    const unsubscribe = () => {
      if (!active || closed) return;
      active = false;
      forToken.delete(listener);
      if (forToken.size === 0) listeners.delete(queryToken);
      release();
    };
    return Object.assign(unsubscribe, {
      unsubscribe,
      getCurrentValue: () => current(listener),
      getQueryLogs: () => undefined,
    });
  };

  const api = {
    onUpdate,
    mutation: (mutation: Parameters<typeof getFunctionName>[0], args: Record<string, Value>) => client.mutation(getFunctionName(mutation), args as never),
    action: (action: Parameters<typeof getFunctionName>[0], args: Record<string, Value>) => client.action(getFunctionName(action), args as never),
    connectionState: () => client.connectionState(),
    subscribeToConnectionState: (listener: Parameters<BaseConvexClient["subscribeToConnectionState"]>[0]) => client.subscribeToConnectionState(listener),
    close() {
      closed = true;
      listeners.clear();
      return client.close();
    },
  };
  return api as unknown as ClientLike;
}
