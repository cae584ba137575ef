import type { AppActionName, AppActionPayloads, AppActionResults } from "../../core/apps/actions";
import type { AppEventName, AppEventPayloads, AppScreen } from "../../core/apps/events";
import type { ActionErrorCode, AppProtocol } from "../../core/apps/protocol";
import { actionMessage, eventNameFromWire, VOCABULARIES } from "../../core/apps/protocol";

/** What an action's promise rejects with: the inbox's reason, and its code. */
export class AppActionError extends Error {
  override readonly name = "AppActionError";
  constructor(
    message: string,
    readonly code: ActionErrorCode | "NO_ANSWER",
  ) {
    super(message);
  }
}

export type AppClientOptions = {
  /** The name the app is registered under (it signs every action). */
  appName: string;
  /** @default "opencom" */
  protocol?: AppProtocol;
  /**
   * The inbox's origin: only its messages are read, and actions go only there.
   * @default the frame's parent origin, from `location.ancestorOrigins` or `document.referrer`
   */
  inboxOrigin?: string;
  /** An action the inbox has not answered in this time rejects with NO_ANSWER. @default 15000 */
  timeoutMs?: number;
  /** @default window */
  window?: Window;
};

type Listener<E extends AppEventName> = (payload: AppEventPayloads[E], meta: { screen: AppScreen; timestamp: number }) => void;
type Pending = { resolve: (data: unknown) => void; reject: (error: AppActionError) => void; timer: ReturnType<typeof setTimeout> };

export type AppClient = {
  /** The screen the app is on, once the inbox has said it is ready. */
  readonly screen: AppScreen | null;
  /** Resolves with the screen at the ready event (`app:ready`, or `widget:ready` in the vendor dialect). */
  readonly ready: Promise<AppScreen>;
  on<E extends AppEventName>(event: E, listener: Listener<E>): () => void;
  fillInput(text: string): Promise<void>;
  sendMessage(text: string): Promise<void>;
  navigateToTicket(ticketCode: string): Promise<void>;
  /** A fresh token from the inbox. */
  refreshToken(): Promise<string>;
  destroy(): void;
};

function parentOrigin(win: Window): string {
  const ancestors = win.location.ancestorOrigins;
  if (ancestors !== undefined && ancestors.length > 0 && ancestors[0] !== "null") return ancestors[0]!;
  if (win.document.referrer !== "") return new URL(win.document.referrer).origin;
  throw new Error("[opencom apps] cannot tell the inbox's origin; pass inboxOrigin");
}

/** The app's side of the inbox protocol: typed events in, promise-returning actions out. */
export function createAppClient(options: AppClientOptions): AppClient {
  const win = options.window ?? window;
  const vocabulary = VOCABULARIES[options.protocol ?? "opencom"];
  const inboxOrigin = options.inboxOrigin ?? parentOrigin(win);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const listeners = new Map<string, Set<Listener<never>>>();
  const pending = new Map<string, Pending>();
  let screen: AppScreen | null = null;
  let markReady: (screen: AppScreen) => void = () => {};
  const ready = new Promise<AppScreen>((resolve) => (markReady = resolve));
  let counter = 0;

  const onMessage = (event: MessageEvent) => {
    // Only the inbox that framed us, from its own window.
    if (event.origin !== inboxOrigin || event.source !== win.parent) return;
    const data = event.data as Record<string, unknown> | null;
    if (typeof data !== "object" || data === null) return;
    if (data["messageType"] === vocabulary.event && typeof data["event"] === "string") {
      const name = eventNameFromWire(vocabulary, data["event"]);
      const meta = { screen: data["screen"] as AppScreen, timestamp: Number(data["timestamp"]) };
      if (name === "app:ready") {
        screen = meta.screen;
        markReady(meta.screen);
      }
      for (const listener of listeners.get(name) ?? []) {
        try {
          listener(data["payload"] as never, meta);
        } catch (error) {
          console.error("[opencom apps] an event listener threw", error);
        }
      }
    } else if (data["messageType"] === vocabulary.actionResponse && typeof data["requestId"] === "string") {
      const waiting = pending.get(data["requestId"]);
      if (waiting === undefined) return;
      pending.delete(data["requestId"]);
      clearTimeout(waiting.timer);
      if (data["success"] === true) waiting.resolve(data["data"]);
      else waiting.reject(new AppActionError(String(data["error"] ?? "The inbox refused the action."), (data["errorCode"] as ActionErrorCode | undefined) ?? "FAILED"));
    }
  };
  win.addEventListener("message", onMessage);

  function perform<A extends AppActionName>(action: A, payload: AppActionPayloads[A]): Promise<AppActionResults[A]> {
    const requestId = `req_${Date.now().toString(36)}_${(counter++).toString(36)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(requestId);
        reject(new AppActionError(`The inbox did not answer ${action} within ${timeoutMs} ms.`, "NO_ANSWER"));
      }, timeoutMs);
      pending.set(requestId, { resolve: resolve as (data: unknown) => void, reject, timer });
      win.parent.postMessage(actionMessage(vocabulary, options.appName, action, screen ?? "CHATS", payload, requestId), inboxOrigin);
    });
  }

  return {
    get screen() {
      return screen;
    },
    ready,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as Listener<never>);
      return () => set.delete(listener as Listener<never>);
    },
    fillInput: (text) => perform("fillInput", { text }),
    sendMessage: (text) => perform("sendMessage", { text }),
    navigateToTicket: (ticketCode) => perform("navigateToTicket", { ticketCode }),
    refreshToken: () => perform("refreshToken", {}).then((data) => data.token),
    destroy() {
      win.removeEventListener("message", onMessage);
      for (const [, waiting] of pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new AppActionError("The app client was destroyed.", "NO_ANSWER"));
      }
      pending.clear();
      listeners.clear();
    },
  };
}
