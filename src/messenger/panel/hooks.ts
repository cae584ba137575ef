import { useEffect, useState } from "preact/hooks";
import type { Outbox, OutboxEntry } from "../../runtime/outbox";
import { getFunctionName } from "convex/server";
import type { QueryRef, SessionArgsOf } from "../../runtime/functions";
import type { MessengerController, Unsubscribe } from "../types";

export type LiveState<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; error: Error };

type Subscribe = (onValue: (value: unknown) => void, onError: (error: Error) => void) => Unsubscribe;

/**
 * Follows a live query while mounted, parsing each value (a malformed one becomes the
 * error state, never garbage on screen). `subscribe` null = nothing to watch yet; `key`
 * names what is watched. Returns the state and a retry for after an error.
 */
export function useLiveQuery<T>(
  subscribe: Subscribe | null,
  key: string,
  parse: (value: unknown) => T,
): [LiveState<T>, () => void] {
  const [state, setState] = useState<LiveState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!subscribe) return;
    setState((previous) => (previous.status === "error" ? { status: "loading" } : previous));
    const onError = (error: Error) => setState({ status: "error", error });
    return subscribe((value) => {
      let data: T;
      try {
        data = parse(value);
      } catch (error) {
        return onError(error instanceof Error ? error : new Error(String(error)));
      }
      setState({ status: "ready", data });
    }, onError);
  }, [key, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

/** The outbox entries of one conversation, kept current. */
export function useOutboxEntries(outbox: Outbox, conversationKey: string): OutboxEntry[] {
  const [entries, setEntries] = useState(() => outbox.forConversation(conversationKey));
  useEffect(() => {
    const update = () => setEntries(outbox.forConversation(conversationKey));
    update();
    return outbox.subscribe(update);
  }, [outbox, conversationKey]);
  return entries;
}

/** Whether the page is visible (not a background tab). */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => !document.hidden);
  useEffect(() => {
    const update = () => setVisible(!document.hidden);
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}

/**
 * A live query (a `backend` reference of runtime/functions.ts) through the controller,
 * parsed; `args` null = nothing to watch yet. Re-subscribes when args change.
 */
export function useQuery<T, Q extends QueryRef>(
  controller: Pick<MessengerController, "watch">,
  query: Q,
  args: SessionArgsOf<Q> | null,
  parse: (value: unknown) => T,
): [LiveState<T>, () => void] {
  const key = args === null ? "" : `${getFunctionName(query)}:${JSON.stringify(args)}`;
  return useLiveQuery(args === null ? null : (onValue, onError) => controller.watch(query, args, onValue, onError), key, parse);
}

/** `Date.now()`, re-read every `intervalMs` while mounted (for relative times and expiries). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
