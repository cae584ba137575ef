import type { ConvexClient } from "convex/browser";
import type { ClientLike } from "./gateway";

type ConnectionState = ReturnType<ConvexClient["connectionState"]>;
type Listener = (state: ConnectionState) => void;

const NOT_CONNECTED: ConnectionState = {
  hasInflightRequests: false,
  isWebSocketConnected: false,
  timeOfOldestInflightRequest: null,
  hasEverConnected: false,
  connectionCount: 0,
  connectionRetries: 0,
  inflightMutations: 0,
  inflightActions: 0,
};

/**
 * A ClientLike usable at once whose ConvexClient arrives later. The Convex client is about
 * half of the runtime's code; evaluating it in the same task as the rest made one long task
 * (> 50 ms at 4x CPU) before the launcher could paint. Loading it as its own chunk splits that
 * work in two, and nothing above this layer has to wait for it: subscriptions, calls and
 * connection listeners made meanwhile are attached when it arrives, in order.
 */
export function createDeferredClient(load: () => Promise<ClientLike>): ClientLike {
  let client: ClientLike | null = null;
  let closed = false;
  const ready = load().then((loaded) => {
    client = loaded;
    if (closed) void loaded.close();
    return loaded;
  });
  // A failed load surfaces through the calls that wait on it; keep it from being unhandled.
  ready.catch(() => undefined);

  const onUpdate: ClientLike["onUpdate"] = (query, args, callback, onError) => {
    let inner: ReturnType<ClientLike["onUpdate"]> | null = null;
    let cancelled = false;
    if (client) inner = client.onUpdate(query, args, callback, onError);
    else void ready.then((c) => {
      if (!cancelled && !closed) inner = c.onUpdate(query, args, callback, onError);
    }, (error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error))));
    const unsubscribe = () => {
      cancelled = true;
      inner?.();
    };
    return Object.assign(unsubscribe, { unsubscribe, getCurrentValue: () => inner?.getCurrentValue() });
  };

  return {
    onUpdate,
    mutation: (async (...args: Parameters<ClientLike["mutation"]>) => (await ready).mutation(...args)) as ClientLike["mutation"],
    action: (async (...args: Parameters<ClientLike["action"]>) => (await ready).action(...args)) as ClientLike["action"],
    connectionState: () => client?.connectionState() ?? NOT_CONNECTED,
    subscribeToConnectionState(listener: Listener) {
      let inner: (() => void) | null = null;
      let cancelled = false;
      if (client) inner = client.subscribeToConnectionState(listener);
      else void ready.then((c) => {
        if (!cancelled) inner = c.subscribeToConnectionState(listener);
      }, () => undefined);
      return () => {
        cancelled = true;
        inner?.();
      };
    },
    async close() {
      closed = true;
      await client?.close();
    },
  };
}
