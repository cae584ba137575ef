import type { ResolvedConfig } from "../sdk/config";
import type { Emitter } from "../sdk/emitter";
import { logError } from "../sdk/log";
import type { Attributes, TourSummary, UserIdentity, WidgetEvents } from "../sdk/types";
import { createDelivery } from "../runtime/delivery";
import { isIdentityRefusal, readAppError } from "../runtime/errors";
import { backend } from "../runtime/functions";
import { callAction, createGateway, type ClientLike } from "../runtime/gateway";
import { watchConfiguration, withConfiguration, type LiveConfiguration } from "../runtime/live-configuration";
import { watchPageViews } from "../runtime/page-views";
import { startPresence } from "../runtime/presence";
import { createSession, type SessionSnapshot } from "../runtime/session";
import type { SettingsCache } from "../runtime/settings-cache";
import { forgetVisitor, storageKeys } from "../runtime/storage";
import type { Store } from "../runtime/store";
import { createTimers } from "../runtime/timers";
import { PAGE_VIEW_EVENT, PRESENCE_EVENT, trackEvent } from "../runtime/tracking";
import type { WidgetUiState } from "../runtime/ui-state";
import type { MountedMessenger } from "../messenger/mount";
import { watchUnread } from "../messenger/unread";
import { createEngagementHost, type EngagementHost } from "../overlays/host/host";
import { bootContext } from "./boot-context";
import { watchConfigEvents } from "./config-events";
import { watchConnection } from "./connection-status";
import { createController } from "./controller";
import { endSession } from "./end-session";
import type { InstanceEnv, InstanceHooks } from "./instance";

/** What the instance hands its connected side: the painted launcher and the state it renders. */
export interface CoreDeps {
  /** Connected already (InstanceEnv.connectAfterPaint). */
  client: ClientLike;
  config: ResolvedConfig;
  emitter: Emitter<WidgetEvents>;
  env: InstanceEnv;
  hooks: InstanceHooks;
  state: Store<WidgetUiState>;
  cache: SettingsCache;
  messenger: MountedMessenger;
  setOpen(open: boolean): void;
  /** The user boot carries: identify() may change it before boot runs. */
  user(): UserIdentity | undefined;
  /** Opens the messenger, on one conversation when given (an outbound chat). */
  openMessenger(conversationId?: string): void;
}

/** The widget's connected side: the session, live queries, delivery and the overlays. */
export interface InstanceCore {
  visitorId(): string | null;
  identify(user: UserIdentity): void;
  track(name: string, properties?: Attributes): void;
  startExperience(kind: "tour" | "survey" | "checklist", id: string): void;
  availableTours(): TourSummary[];
  destroy(options?: { logout?: boolean }): void;
}

/** Tracked after each message the visitor sends (checklist tasks complete on it). */
const MESSAGE_SENT_EVENT = "$message_sent";

/**
 * Connects a widget whose launcher is already on screen, on a connected client: boots the
 * session and starts everything that talks to the backend. Kept apart from the launcher so
 * its work (and the compiling of its code) happens after the launcher has painted.
 */
export function startInstanceCore(deps: CoreDeps): InstanceCore {
  const { config, emitter, hooks, state, cache, messenger } = deps;
  const { win, storage } = deps.env;
  const { workspaceId } = config;
  const timers = createTimers();
  const cleanups: Array<() => void> = [];
  let visitorId: string | null = null;
  let destroyed = false;
  /** The configuration from the live query; it wins over the one boot sent (the workspace default). */
  let live: LiveConfiguration | null = null;

  const { client } = deps;
  const session = createSession({
    workspaceId,
    storage,
    timers,
    callBoot: (args) => client.action(backend.widgetSessions.boot, args),
    callRefresh: (args) => client.action(backend.widgetSessions.refresh, args),
    bootContext: () => bootContext(win, config, deps.user(), visitorId !== null),
    ...(hooks.onVisitorChanged ? { onVisitorChanged: hooks.onVisitorChanged } : {}),
    onFatal(error) {
      if (isIdentityRefusal(error) && hooks.onIdentityRefused) return hooks.onIdentityRefused(error);
      logError(`the widget is disabled: ${error.message} (${error.code})`);
      cache.clear();
      state.set({ settings: null, open: false });
      emitter.emit("error", { code: error.code, message: error.message });
    },
  });
  const slicer = deps.env.createSlicer();
  cleanups.push(() => slicer.stop());
  const gateway = createGateway(client, session, slicer);
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

  function onSession(snapshot: SessionSnapshot): void {
    cache.saveSettings(snapshot.settings.raw);
    delivery.attach(storageKeys.outbox(workspaceId, snapshot.visitorId));
    const firstBoot = visitorId === null;
    visitorId = snapshot.visitorId;
    state.set({ settings: live === null ? snapshot.settings : withConfiguration(snapshot.settings, live.configuration), ready: true });
    if (firstBoot) emitter.emit("ready", { visitorId: snapshot.visitorId });
    delivery.pump();
  }

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
  const track = (name: string, properties?: Attributes, url = win.location.href) => trackEvent(gateway, name, properties, url);
  /**
   * The engagement overlays start in a short task of their own, the first after this one;
   * what needs them goes through the same queue, so it always finds them started.
   */
  let engagement: EngagementHost | null = null;
  slicer.run(() => {
    engagement = createEngagementHost({
      win,
      shadow: messenger.shadow,
      gateway,
      client,
      timers,
      storage,
      state,
      memoryKey: () => (visitorId === null ? null : `opencom:${workspaceId}:${visitorId}:overlays`),
      openMessenger: (conversationId) => deps.openMessenger(conversationId),
      closeMessenger: () => deps.setOpen(false),
      trackPageViews: config.trackPageViews,
    });
    cleanups.push(() => engagement?.destroy());
  });
  const startExperience = (kind: "tour" | "survey" | "checklist", id: string) => slicer.run(() => engagement?.start(kind, id));
  /** An event the visitor caused: tracked, and seen by engagement `event` triggers. */
  const trackVisitorEvent = (name: string, properties?: Attributes) =>
    slicer.run(() => {
      engagement?.noteEvent(name);
      track(name, properties);
    });

  messenger.connect(
    createController({
      state,
      delivery,
      gateway,
      setOpen: deps.setOpen,
      startExperience,
      onTranscriptExported: () => configEvents.fire("transcript_export"),
      act: (action, args) => callAction(client, session, action, args),
    }),
  );

  // Boot, the live queries and the page's signals start in the next short tasks: in this
  // one, with the rest, they made a long task at 4x CPU. Everything their callbacks use
  // exists by then.
  slicer.run(() => {
    cleanups.push(session.subscribe(onSession));
    session.ready().catch(() => {}); // failures are reported through onFatal or retried
  });
  slicer.run(() => {
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
  });
  slicer.run(() => {
    if (config.trackPageViews) cleanups.push(watchPageViews(win, (url) => track(PAGE_VIEW_EVENT, undefined, url)));
    cleanups.push(startPresence(win.document, timers, () => track(PRESENCE_EVENT)));
  });

  return {
    visitorId: () => visitorId,
    identify(next) {
      gateway.mutate(backend.visitors.identify, { user: next }).catch((error: unknown) => {
        if (destroyed) return;
        const info = readAppError(error);
        if (isIdentityRefusal(info) && hooks.onIdentityRefused) hooks.onIdentityRefused(info);
        else if (info) logError(`identify was refused: ${info.message}`);
      });
    },
    track: trackVisitorEvent,
    startExperience,
    availableTours: () => engagement?.availableTours() ?? [],
    destroy(options) {
      destroyed = true;
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
