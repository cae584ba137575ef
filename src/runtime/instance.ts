import { ConvexClient } from "convex/browser";
import type { ConnectionState } from "convex/browser";
import { mountMessenger } from "../messenger/mount";
import type { ConnectionStatus, WidgetUiState } from "../messenger/types";
import type { ResolvedConfig } from "../sdk/config";
import type { Emitter } from "../sdk/emitter";
import { logError } from "../sdk/log";
import type { Attributes, UserIdentity, WidgetEvents } from "../sdk/types";
import { createController } from "./controller";
import { detectDevice } from "./device";
import { readAppError } from "./errors";
import { functions } from "./functions";
import { createGateway, type ClientLike } from "./gateway";
import { createOutbox } from "./outbox";
import { createOutboxSender } from "./outbox-sender";
import { watchPageViews } from "./page-views";
import { startPresence } from "./presence";
import { createSession, type SessionSnapshot } from "./session";
import { parseSettings } from "./settings";
import { browserStore, readJson, storageKeys, type KeyValueStore } from "./storage";
import { createStore } from "./store";
import { createTimers } from "./timers";
import { PAGE_VIEW_EVENT, PRESENCE_EVENT, trackEvent } from "./tracking";
import { wire } from "./wire";

/** One running widget. Everything it creates is released by `destroy()`. */
export interface WidgetInstance {
  identify(user: UserIdentity): void;
  track(name: string, properties?: Attributes): void;
  setOpen(open: boolean): void;
  isOpen(): boolean;
  showMessages(): void;
  showNewMessage(text: string): void;
  visitorId(): string | null;
  destroy(): void;
}

/** What the instance needs from the outside world; tests substitute fakes. */
export interface InstanceEnv {
  win: Window & typeof globalThis;
  storage: KeyValueStore;
  createClient(convexUrl: string): ClientLike;
}

export function browserEnv(): InstanceEnv {
  return {
    win: window,
    storage: browserStore(),
    // No console output of our backend's logs in customers' pages, and no "unsaved
    // changes" prompt on unload: the outbox persists pending messages itself.
    createClient: (url) => new ConvexClient(url, { unsavedChangesWarning: false, logger: false }),
  };
}

/** A short drop of the socket is not worth a banner: show "Reconnecting…" after this long. */
const RECONNECTING_GRACE_MS = 1500;

export function createWidgetInstance(
  config: ResolvedConfig,
  emitter: Emitter<WidgetEvents>,
  env: InstanceEnv = browserEnv(),
): WidgetInstance {
  const { win, storage } = env;
  const { workspaceId } = config;
  const timers = createTimers();
  const cleanups: Array<() => void> = [];
  let user = config.user;
  let visitorId: string | null = null;
  let intentSeq = 0;
  let destroyed = false;

  const cached = readJson(storage, storageKeys.settings(workspaceId));
  const state = createStore<WidgetUiState>({
    open: false,
    // Settings from the last visit let the launcher appear before boot answers.
    settings: cached === undefined ? null : parseSettings(cached),
    unread: 0,
    connection: "connecting",
    ready: false,
    intent: null,
  });

  const client = env.createClient(config.convexUrl);
  const session = createSession({
    workspaceId,
    storage,
    timers,
    callBoot: (args) => client.action(functions.boot, args),
    callRefresh: (args) => client.action(functions.refresh, args),
    bootContext: () => ({
      origin: win.location.origin,
      url: win.location.href,
      device: detectDevice(win.navigator.userAgent, win.navigator.maxTouchPoints),
      ...(win.document.referrer ? { referrer: win.document.referrer } : {}),
      ...(user ? { user } : {}),
    }),
    onFatal(error) {
      logError(`the widget is disabled: ${error.message} (${error.code})`);
      storage.remove(storageKeys.settings(workspaceId));
      state.set({ settings: null, open: false });
      emitter.emit("error", { code: error.code, message: error.message });
    },
  });
  const gateway = createGateway(client, session);
  const outbox = createOutbox(storage);
  const sender = createOutboxSender({
    outbox,
    send: async (args) => wire.send(await gateway.mutate(functions.send, args)),
    sleep: (ms) => timers.sleep(ms),
    onFailed: (_entry, message) => emitter.emit("error", { code: "SEND_FAILED", message }),
  });
  // Delivery waits for boot: the outbox must first load what earlier page loads left unsent,
  // or a newer message could overtake an older one.
  const deliver = () => state.get().ready && sender.pump();
  const controller = createController({ state, outbox, gateway, emitter, deliver });

  function onSession(snapshot: SessionSnapshot): void {
    storage.set(storageKeys.settings(workspaceId), JSON.stringify(snapshot.settings));
    outbox.attach(storageKeys.outbox(workspaceId, snapshot.visitorId));
    const firstBoot = visitorId === null;
    visitorId = snapshot.visitorId;
    state.set({ settings: snapshot.settings, ready: true });
    if (firstBoot) emitter.emit("ready", { visitorId: snapshot.visitorId });
    deliver();
  }
  cleanups.push(session.subscribe(onSession));
  session.ready().catch(() => {}); // failures are reported through onFatal or retried

  let cancelReconnecting = () => {};
  const onConnection = (connection: ConnectionState) => {
    const status: ConnectionStatus = connection.isWebSocketConnected
      ? "online"
      : connection.hasEverConnected
        ? "reconnecting"
        : "connecting";
    cancelReconnecting();
    if (status !== "reconnecting") state.set({ connection: status });
    else cancelReconnecting = timers.timeout(() => state.set({ connection: status }), RECONNECTING_GRACE_MS);
    if (status === "online") deliver();
  };
  cleanups.push(client.subscribeToConnectionState(onConnection));

  let unreadKnown = false;
  cleanups.push(
    gateway.watch(functions.totalUnread, {}, (value) => {
      const unreadCount = safeUnread(value);
      const previous = state.get().unread;
      state.set({ unread: unreadCount });
      if (unreadCount !== previous) emitter.emit("unreadCountChange", { unreadCount });
      if (unreadKnown && unreadCount > previous) emitter.emit("messageReceived", { unreadCount });
      unreadKnown = true;
    }),
  );

  const track = (name: string, properties?: Attributes, url = win.location.href) =>
    trackEvent(gateway, name, properties, url);
  if (config.trackPageViews) cleanups.push(watchPageViews(win, (url) => track(PAGE_VIEW_EVENT, undefined, url)));
  cleanups.push(startPresence(win.document, timers, () => track(PRESENCE_EVENT)));

  const messenger = mountMessenger(win.document, controller);
  cleanups.push(() => messenger.destroy());

  return {
    identify(next) {
      user = next; // later boots (re-boot after expiry) carry it too
      gateway.mutate(functions.identify, { user: next }).catch((error: unknown) => {
        const info = readAppError(error);
        if (info) logError(`identify was refused: ${info.message}`);
      });
    },
    track: (name, properties) => track(name, properties),
    setOpen: (open) => controller.setOpen(open),
    isOpen: () => state.get().open,
    showMessages() {
      state.set({ intent: { kind: "messages", seq: ++intentSeq } });
      controller.setOpen(true);
    },
    showNewMessage(text) {
      state.set({ intent: { kind: "new", text, seq: ++intentSeq } });
      controller.setOpen(true);
    },
    visitorId: () => visitorId,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const cleanup of cleanups.reverse()) {
        try {
          cleanup();
        } catch (error) {
          logError("cleanup failed during destroy()", error);
        }
      }
      sender.stop();
      session.destroy();
      timers.clearAll();
      client.close().catch(() => {});
    },
  };
}

function safeUnread(value: unknown): number {
  try {
    return Math.max(0, Math.floor(wire.unread(value)));
  } catch {
    return 0;
  }
}
