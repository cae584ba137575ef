import type { ConnectionState } from "convex/browser";
import { getFunctionName, type FunctionReference } from "convex/server";
import type { ClientLike } from "../../../src/runtime/gateway";

type Args = Record<string, unknown>;
type Handler = (args: Args) => unknown;

export interface Subscription {
  name: string;
  args: Args;
  onValue: (value: unknown) => void;
  onError: ((error: Error) => void) | undefined;
  active: boolean;
}

/** A ConvexError as the client surfaces it: an Error with `data`. */
export function convexError(data: Record<string, unknown>): Error {
  return Object.assign(new Error(String(data.message ?? data.code)), { data });
}

/** An in-memory stand-in for ConvexClient: scripted handlers, recorded calls and subscriptions. */
export class FakeClient implements ClientLike {
  handlers = new Map<string, Handler>();
  calls: Array<{ kind: "action" | "mutation"; name: string; args: Args }> = [];
  subscriptions: Subscription[] = [];
  connectionListeners = new Set<(state: ConnectionState) => void>();
  closed = false;
  state: ConnectionState = {
    hasInflightRequests: false,
    isWebSocketConnected: false,
    timeOfOldestInflightRequest: null,
    hasEverConnected: false,
    connectionCount: 0,
    connectionRetries: 0,
    inflightMutations: 0,
    inflightActions: 0,
  };

  on(name: string, handler: Handler): this {
    this.handlers.set(name, handler);
    return this;
  }

  private async call(kind: "action" | "mutation", ref: FunctionReference<"action" | "mutation">, args: Args) {
    const name = getFunctionName(ref);
    this.calls.push({ kind, name, args });
    const handler = this.handlers.get(name);
    if (!handler) return null;
    return handler(args);
  }

  action = ((ref: FunctionReference<"action">, args: Args) => this.call("action", ref, args)) as ClientLike["action"];
  mutation = ((ref: FunctionReference<"mutation">, args: Args) => this.call("mutation", ref, args)) as ClientLike["mutation"];

  onUpdate = ((ref: FunctionReference<"query">, args: Args, onValue: (v: unknown) => void, onError?: (e: Error) => void) => {
    const subscription: Subscription = { name: getFunctionName(ref), args, onValue, onError, active: true };
    this.subscriptions.push(subscription);
    const unsubscribe = () => {
      subscription.active = false;
    };
    return Object.assign(unsubscribe, { unsubscribe, getCurrentValue: () => undefined });
  }) as unknown as ClientLike["onUpdate"];

  connectionState = () => this.state;

  subscribeToConnectionState = (listener: (state: ConnectionState) => void) => {
    this.connectionListeners.add(listener);
    return () => void this.connectionListeners.delete(listener);
  };

  close = async () => {
    this.closed = true;
  };

  setConnection(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.connectionListeners) listener(this.state);
  }

  active(name: string): Subscription[] {
    return this.subscriptions.filter((s) => s.active && s.name === name);
  }

  callsTo(name: string) {
    return this.calls.filter((call) => call.name === name);
  }
}

/** Lets pending promise callbacks run. */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await Promise.resolve();
}
