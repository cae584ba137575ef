import { matchLocale, negotiateLocale } from "../i18n/locales";
import type { ResolvedConfig } from "../sdk/config";
import type { Emitter } from "../sdk/emitter";
import { logError } from "../sdk/log";
import type { Attributes, TourSummary, UserIdentity, WidgetEvents } from "../sdk/types";
import { createDelivery } from "../runtime/delivery";
import { isIdentityRefusal, readAppError, type AppErrorInfo } from "../runtime/errors";
import { backend } from "../runtime/functions";
import { callAction, createGateway } from "../runtime/gateway";
import { watchConfiguration, withConfiguration, type LiveConfiguration } from "../runtime/live-configuration";
import { watchPageViews } from "../runtime/page-views";
import { startPresence } from "../runtime/presence";
import { createSession, type SessionSnapshot } from "../runtime/session";
import { createSettingsCache } from "../runtime/settings-cache";
import { forgetVisitor, storageKeys } from "../runtime/storage";
import { createStore } from "../runtime/store";
import { createTimers } from "../runtime/timers";
import { PAGE_VIEW_EVENT, PRESENCE_EVENT, trackEvent } from "../runtime/tracking";
import type { WidgetUiState } from "../runtime/ui-state";
import { mountMessenger } from "../messenger/mount";
import { watchUnread } from "../messenger/unread";
import { createEngagementHost } from "../overlays/host/host";
import { bootContext } from "./boot-context";
import { watchConfigEvents } from "./config-events";
import { watchConnection } from "./connection-status";
import { createController } from "./controller";
import { endSession } from "./end-session";
import { browserEnv, type InstanceEnv } from "./env";
import { firstLook } from "./first-look";

export { browserEnv, type InstanceEnv } from "./env";

/** One running widget. Everything it creates is released by `destroy()`. */
export interface WidgetInstance {
  identify(user: UserIdentity): void;
  track(name: string, properties?: Attributes): void;
  setOpen(open: boolean): void;
  isOpen(): boolean;
  showMessages(): void;
  showNewMessage(text: string): void;
  /** Opens the Help tab on one article. */
  showArticle(articleId: string): void;
  /** Switches the messenger's language; false (and no change) when the locale is not supported. */
  setLocale(locale: string): boolean;
  visitorId(): string | null;
  /** Engagement (src/overlays): start one experience now, or as soon as its turn comes. */
  startExperience(kind: "tour" | "survey" | "checklist", id: string): void;
  /** The tours the visitor may take on this page, as known now ([] until the list arrives). */
  availableTours(): TourSummary[];
  /**
   * Ends this widget. With `logout`, also ends the visitor in this browser: the widget
   * forgets the sessionId and the visitor's stored data at once, and revokes the session
   * on the server (in the background; the socket closes after that call).
   */
  destroy(options?: { logout?: boolean }): void;
}

/** Identity events that only the owner of the instance can act on (see identity-switch.ts). */
export interface InstanceHooks {
  /**
   * Boot or identify was refused with IDENTITY_CHANGED or IDENTITY_VERIFICATION_FAILED.
   * When this hook is given, the instance neither logs nor hides itself: the owner does.
   */
  onIdentityRefused?(error: AppErrorInfo): void;
  /** A re-boot landed on another visitor; nothing of it has been shown. */
  onVisitorChanged?(): void;
}

/** Tracked after each message the visitor sends (checklist tasks complete on it). */
const MESSAGE_SENT_EVENT = "$message_sent";

export function createWidgetInstance(
  config: ResolvedConfig,
  emitter: Emitter<WidgetEvents>,
  env: InstanceEnv = browserEnv(),
  hooks: InstanceHooks = {},
): WidgetInstance {
  const { win, storage } = env;
  const { workspaceId } = config;
  const timers = createTimers();
  const cleanups: Array<() => void> = [];
  let user = config.user;
  let visitorId: string | null = null;
  let intentSeq = 0;
  let destroyed = false;
  /** The configuration from the live query; it wins over the one boot sent (the workspace default). */
  let live: LiveConfiguration | null = null;

  const cache = createSettingsCache(storage, config);
  const state = createStore<WidgetUiState>({
    open: false,
    // The launcher paints at once: it never waits for the socket or boot (see firstLook).
    settings: firstLook(cache, config),
    unread: 0,
    connection: "connecting",
    ready: false,
    intent: null,
    // init({locale}) wins; otherwise the visitor's browser languages decide.
    locale: negotiateLocale(config.locale ? [config.locale] : win.navigator.languages),
  });

  const client = env.createClient(config.convexUrl);
  const session = createSession({
    workspaceId,
    storage,
    timers,
    callBoot: (args) => client.action(backend.widgetSessions.boot, args),
    callRefresh: (args) => client.action(backend.widgetSessions.refresh, args),
    bootContext: () => bootContext(win, config, user, visitorId !== null),
    ...(hooks.onVisitorChanged ? { onVisitorChanged: hooks.onVisitorChanged } : {}),
    onFatal(error) {
      if (isIdentityRefusal(error) && hooks.onIdentityRefused) return hooks.onIdentityRefused(error);
      logError(`the widget is disabled: ${error.message} (${error.code})`);
      cache.clear();
      state.set({ settings: null, open: false });
      emitter.emit("error", { code: error.code, message: error.message });
    },
  });
  const gateway = createGateway(client, session);
  const delivery = createDelivery({
    storage,
    gateway,
    timers,
    isReady: () => state.get().ready,
    onSent: () => {
      trackVisitorEvent(MESSAGE_SENT_EVENT); // completes "send a message" checklist tasks
      configEvents.fire("message_sent");
    },
    onFailed: (message) => emitter.emit("error", { code: "SEND_FAILED", message }),
  });
  const controller = createController({
    state,
    delivery,
    gateway,
    emitter,
    startExperience: (kind, id) => engagement.start(kind, id),
    onTranscriptExported: () => configEvents.fire("transcript_export"),
    act: (action, args) => callAction(client, session, action, args),
  });

  function onSession(snapshot: SessionSnapshot): void {
    cache.saveSettings(snapshot.settings.raw);
    delivery.attach(storageKeys.outbox(workspaceId, snapshot.visitorId));
    const firstBoot = visitorId === null;
    visitorId = snapshot.visitorId;
    state.set({ settings: live === null ? snapshot.settings : withConfiguration(snapshot.settings, live.configuration), ready: true });
    if (firstBoot) emitter.emit("ready", { visitorId: snapshot.visitorId });
    delivery.pump();
  }
  cleanups.push(session.subscribe(onSession));
  session.ready().catch(() => {}); // failures are reported through onFatal or retried

  cleanups.push(watchConnection(client, state, timers, () => delivery.pump()));

  cleanups.push(watchUnread(gateway, state, emitter, () => configEvents.fire("agent_assigned")));
  cleanups.push(
    watchConfiguration(gateway, config.configurationId, (next) => {
      live = next;
      cache.saveConfiguration(next);
      const settings = state.get().settings;
      if (settings !== null) state.set({ settings: withConfiguration(settings, next.configuration) });
    }),
  );

  const track = (name: string, properties?: Attributes, url = win.location.href) =>
    trackEvent(gateway, name, properties, url);
  if (config.trackPageViews) cleanups.push(watchPageViews(win, (url) => track(PAGE_VIEW_EVENT, undefined, url)));
  cleanups.push(startPresence(win.document, timers, () => track(PRESENCE_EVENT)));

  const messenger = mountMessenger(win.document, controller, {
    workspaceId,
    hideDefaultLauncher: config.hideDefaultLauncher,
    ...(config.customLauncherSelector !== undefined ? { customLauncherSelector: config.customLauncherSelector } : {}),
    sound: config.sound,
  });
  cleanups.push(() => messenger.destroy());
  const configEvents = watchConfigEvents({
    win,
    state,
    emitter,
    gateway,
    configurationId: () => live?.id ?? null,
    panelShown: () => messenger.shadow.querySelector(".oc-panel") !== null,
    isDestroyed: () => destroyed,
  });
  cleanups.push(() => configEvents.stop());
  const engagement = createEngagementHost({
    win,
    shadow: messenger.shadow,
    gateway,
    client,
    timers,
    storage,
    state,
    memoryKey: () => (visitorId === null ? null : `opencom:${workspaceId}:${visitorId}:overlays`),
    openMessenger: (conversationId) => {
      if (conversationId !== undefined) state.set({ intent: { kind: "conversation", conversationId, seq: ++intentSeq } });
      controller.setOpen(true);
    },
    closeMessenger: () => controller.setOpen(false),
    trackPageViews: config.trackPageViews,
  });
  cleanups.push(() => engagement.destroy());
  /** An event the visitor caused: tracked, and seen by engagement `event` triggers. */
  const trackVisitorEvent = (name: string, properties?: Attributes) => {
    engagement.noteEvent(name);
    track(name, properties);
  };

  return {
    identify(next) {
      user = next; // later boots (re-boot after expiry) carry it too
      gateway.mutate(backend.visitors.identify, { user: next }).catch((error: unknown) => {
        if (destroyed) return;
        const info = readAppError(error);
        if (isIdentityRefusal(info) && hooks.onIdentityRefused) hooks.onIdentityRefused(info);
        else if (info) logError(`identify was refused: ${info.message}`);
      });
    },
    track: trackVisitorEvent,
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
    showArticle(articleId) {
      state.set({ intent: { kind: "article", articleId, seq: ++intentSeq } });
      controller.setOpen(true);
    },
    setLocale(locale) {
      const supported = matchLocale(locale);
      if (supported) state.set({ locale: supported });
      return supported !== null;
    },
    visitorId: () => visitorId,
    startExperience: (kind, id) => engagement.start(kind, id),
    availableTours: () => engagement.availableTours(),
    destroy(options) {
      if (destroyed) return;
      destroyed = true;
      // The page's own launcher or badge follows our events: this visitor's messenger is
      // closed and their unread count gone (a user switch, a logout, a refused identity).
      const { open, unread } = state.get();
      if (open) emitter.emit("close", undefined);
      if (unread > 0) emitter.emit("unreadCountChange", { unreadCount: 0 });
      const token = session.current()?.token;
      for (const cleanup of cleanups.reverse()) {
        try {
          cleanup();
        } catch (error) {
          logError("cleanup failed during destroy()", error);
        }
      }
      delivery.stop();
      session.destroy();
      timers.clearAll();
      if (!options?.logout) {
        client.close().catch(() => {});
        return;
      }
      delivery.outbox.discard();
      forgetVisitor(storage, workspaceId, visitorId);
      endSession(client, token);
    },
  };
}
