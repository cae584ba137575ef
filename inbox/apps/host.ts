import type { AppActionName } from "../../core/apps/actions";
import { checkAction } from "../../core/apps/actions";
import type { AppEventName, AppEventPayloads, AppScreen } from "../../core/apps/events";
import { eventBelongsTo, STATE_EVENTS } from "../../core/apps/events";
import { checkAppUrl, formatOrigin, isOriginAllowed, parseOrigin } from "../../core/apps/origins";
import type { ActionErrorCode, ActionResponse, AppProtocol } from "../../core/apps/protocol";
import { eventMessage, failureResponse, readActionEnvelope, successResponse, VOCABULARIES } from "../../core/apps/protocol";
import { ActionRateLimiter, DEFAULT_ACTION_RATE } from "../../core/apps/rate-limit";

/**
 * Hosts one custom app's iframe: the inbox side of the postMessage protocol,
 * with no framework in it. It answers only the app's own frame, only from the
 * app's allowed origins, posts only to an exact origin (never `'*'`), and never
 * waits on the app: a crashed or silent app costs the inbox nothing.
 */

export type HostedApp = { name: string; url: string; allowedOrigins: readonly string[]; protocol: AppProtocol };

/** What the app may make the inbox do; each may be async, and a throw becomes the app's error. */
export type AppHostCallbacks = {
  fillInput(text: string): void | Promise<void>;
  sendMessage(text: string): void | Promise<void>;
  navigateToTicket(ticketCode: string): void | Promise<void>;
  /** A fresh token for this app (the refreshToken action). */
  getToken(): Promise<string>;
};

/** The parts of an iframe the host uses (a real HTMLIFrameElement fits). */
export type AppFrame = Pick<HTMLIFrameElement, "addEventListener" | "removeEventListener"> & {
  readonly contentWindow: Pick<Window, "postMessage"> | null;
};

export type AppHostOptions = {
  frame: AppFrame;
  app: HostedApp;
  screen: AppScreen;
  callbacks: AppHostCallbacks;
  /** The inbox's own origin; an app served from it (or allowing it) is refused. */
  inboxOrigin: string;
  /** Where messages arrive: the inbox's window. */
  messageTarget: Pick<Window, "addEventListener" | "removeEventListener">;
  now?: () => number;
  rate?: { capacity: number; perSecond: number };
  /** A callback that takes longer is answered with a TIMEOUT failure. @default 10000 */
  actionTimeoutMs?: number;
  /** Told of every refused or failed action (for the inbox's console or a notice). */
  onRefusal?: (refusal: { code: ActionErrorCode; reason: string; origin: string }) => void;
};

export type AppHost = {
  /** Sends an event of this screen to the app; state events are replayed after each (re)load. */
  emit<E extends AppEventName>(event: E, payload: AppEventPayloads[E]): void;
  dispose(): void;
};

export class AppRefusedError extends Error {
  override readonly name = "AppRefusedError";
}

const ERROR_TEXT_MAX = 300;

/**
 * Whether the inbox may frame this app at all: a valid URL on an origin other than
 * the inbox's. A sandboxed frame with scripts and its own origin, on the inbox's
 * origin, could reach into the inbox and read the operator's session.
 */
export function checkHostable(app: HostedApp, inboxOrigin: string): { ok: true; origin: string } | { ok: false; reason: string } {
  const urlCheck = checkAppUrl(app.url);
  if (!urlCheck.ok) return { ok: false, reason: `The app "${app.name}" has a URL that ${urlCheck.reason}.` };
  const inbox = parseOrigin(inboxOrigin);
  const sameOrigin = inbox !== null && (urlCheck.origin === formatOrigin(inbox) || isOriginAllowed(inboxOrigin, app.allowedOrigins));
  if (sameOrigin) return { ok: false, reason: `The app "${app.name}" is served from the inbox's own origin; apps must have an origin of their own.` };
  return { ok: true, origin: urlCheck.origin };
}

export function mountAppHost(options: AppHostOptions): AppHost {
  const { frame, app, screen, callbacks } = options;
  const vocabulary = VOCABULARIES[app.protocol];
  const now = options.now ?? Date.now;
  const timeoutMs = options.actionTimeoutMs ?? 10_000;
  const hostable = checkHostable(app, options.inboxOrigin);
  if (!hostable.ok) throw new AppRefusedError(hostable.reason);

  const limiter = new ActionRateLimiter({ ...(options.rate ?? DEFAULT_ACTION_RATE), now });
  const lastState = new Map<AppEventName, unknown>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Where events go: the URL's origin until the app speaks from another allowed one (a wildcard app may redirect). */
  let appOrigin = hostable.origin;
  let disposed = false;

  const post = (target: Pick<Window, "postMessage"> | null | undefined, message: object, origin: string) => {
    if (disposed || target == null || parseOrigin(origin) === null) return;
    try {
      target.postMessage(message, origin);
    } catch {
      // A frame that is gone or mid-navigation: the message is lost, the inbox goes on.
    }
  };
  const send = (message: object) => post(frame.contentWindow, message, appOrigin);

  const refuse = (source: MessageEventSource | null, origin: string, requestId: string, code: ActionErrorCode, reason: string) => {
    options.onRefusal?.({ code, reason, origin });
    post(source as Window | null, failureResponse(vocabulary, requestId, code, reason), origin);
  };

  const onLoad = () => {
    send(eventMessage(vocabulary, "app:ready", screen, { screen }, now()));
    for (const [event, payload] of lastState) send(eventMessage(vocabulary, event, screen, payload as never, now()));
  };

  const run = (action: AppActionName, payload: Record<string, string>): Promise<unknown> => {
    switch (action) {
      case "fillInput":
        return Promise.resolve(callbacks.fillInput(payload["text"] ?? "")).then(() => undefined);
      case "sendMessage":
        return Promise.resolve(callbacks.sendMessage(payload["text"] ?? "")).then(() => undefined);
      case "navigateToTicket":
        return Promise.resolve(callbacks.navigateToTicket(payload["ticketCode"] ?? "")).then(() => undefined);
      case "refreshToken":
        return callbacks.getToken().then((token) => ({ token }));
    }
  };

  const perform = (requestId: string, action: AppActionName, payload: Record<string, string>, origin: string) => {
    const source = frame.contentWindow;
    const answer = (response: ActionResponse) => post(source, response, origin);
    let settled = false;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (settled) return;
      settled = true;
      options.onRefusal?.({ code: "TIMEOUT", reason: `${action} took longer than ${timeoutMs} ms.`, origin });
      answer(failureResponse(vocabulary, requestId, "TIMEOUT", `${action} took longer than ${timeoutMs} ms.`));
    }, timeoutMs);
    timers.add(timer);
    let running: Promise<unknown>;
    try {
      running = run(action, payload);
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (data) => {
        if (settled) return;
        settled = true;
        answer(successResponse(vocabulary, requestId, data));
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_TEXT_MAX) || `${action} failed.`;
        options.onRefusal?.({ code: "FAILED", reason, origin });
        answer(failureResponse(vocabulary, requestId, "FAILED", reason));
      },
    ).finally(() => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const onMessage = (event: MessageEvent) => {
    if (disposed) return;
    const read = readActionEnvelope(vocabulary, event.data);
    if (read.kind === "ignore") return;
    const fromOwnFrame = event.source !== null && event.source === frame.contentWindow;
    if (!fromOwnFrame) {
      // Other apps' frames post here too: answer only messages that claim to be this app.
      if (read.kind === "action" && read.envelope.appName === app.name) {
        refuse(event.source, event.origin, read.envelope.requestId, "WRONG_SOURCE", `Messages for "${app.name}" must come from its own frame.`);
      }
      return;
    }
    const requestId = read.kind === "action" ? read.envelope.requestId : read.requestId;
    if (!isOriginAllowed(event.origin, app.allowedOrigins)) {
      refuse(event.source, event.origin, requestId, "ORIGIN_NOT_ALLOWED", `Origin ${event.origin} is not among the allowed origins of "${app.name}".`);
      return;
    }
    appOrigin = event.origin;
    const wait = limiter.take();
    if (wait > 0) {
      refuse(event.source, event.origin, requestId, "RATE_LIMITED", `Too many actions; retry in ${wait} ms.`);
      return;
    }
    if (read.kind === "malformed") {
      refuse(event.source, event.origin, requestId, "MALFORMED", read.reason);
      return;
    }
    const check = checkAction(read.envelope, { appName: app.name, screen });
    if (!check.ok) {
      refuse(event.source, event.origin, requestId, check.code, check.reason);
      return;
    }
    perform(requestId, check.action.action, check.action.payload as Record<string, string>, event.origin);
  };

  options.messageTarget.addEventListener("message", onMessage);
  frame.addEventListener("load", onLoad);

  return {
    emit(event, payload) {
      if (!eventBelongsTo(event, screen)) throw new Error(`${event} is not an event of the ${screen} screen`);
      if (disposed) return;
      if (STATE_EVENTS.has(event)) lastState.set(event, payload);
      send(eventMessage(vocabulary, event, screen, payload, now()));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      options.messageTarget.removeEventListener("message", onMessage);
      frame.removeEventListener("load", onLoad);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      lastState.clear();
    },
  };
}
