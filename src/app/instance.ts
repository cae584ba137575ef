import { matchLocale, negotiateLocale } from "../i18n/locales";
import type { ResolvedConfig } from "../sdk/config";
import type { Emitter } from "../sdk/emitter";
import type { Attributes, TourSummary, UserIdentity, WidgetEvents } from "../sdk/types";
import type { AppErrorInfo } from "../runtime/errors";
import { createSettingsCache } from "../runtime/settings-cache";
import { forgetVisitor } from "../runtime/storage";
import { createStore } from "../runtime/store";
import type { PanelIntent, WidgetUiState } from "../runtime/ui-state";
import { mountMessenger } from "../messenger/mount";
import { browserEnv, type InstanceEnv } from "./env";
import { firstLook } from "./first-look";
import { startInstanceCore, type InstanceCore } from "./instance-core";

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

/** A panel intent before it is numbered (each member of the union without its `seq`). */
type Unnumbered<T> = T extends unknown ? Omit<T, "seq"> : never;
type IntentRequest = Unnumbered<PanelIntent>;

/**
 * One widget, in two steps. This function paints the launcher from what is known without the
 * network (the look cached from the last visit, else the tag's hints, else the defaults) and
 * returns; the Convex client is loaded and the connected side (instance-core.ts: the session,
 * live queries, the overlays) started once that frame is on screen, so neither its work nor the
 * compiling of its code stands between navigation and a usable launcher. Calls that need the
 * connected side wait for it, in order; the rest act on the UI state at once.
 */
export function createWidgetInstance(
  config: ResolvedConfig,
  emitter: Emitter<WidgetEvents>,
  env: InstanceEnv = browserEnv(),
  hooks: InstanceHooks = {},
): WidgetInstance {
  const { win, storage } = env;
  let user = config.user;
  let intentSeq = 0;
  let destroyed = false;

  const cache = createSettingsCache(storage, config);
  const state = createStore<WidgetUiState>({
    open: false,
    settings: firstLook(cache, config),
    unread: 0,
    connection: "connecting",
    ready: false,
    intent: null,
    // init({locale}) wins; otherwise the visitor's browser languages decide.
    locale: negotiateLocale(config.locale ? [config.locale] : win.navigator.languages),
  });
  const setOpen = (open: boolean) => {
    if (state.get().open === open) return;
    state.set({ open });
    emitter.emit(open ? "open" : "close", undefined);
  };
  const show = (intent?: IntentRequest) => {
    if (intent) state.set({ intent: { ...intent, seq: ++intentSeq } as PanelIntent });
    setOpen(true);
  };

  const messenger = mountMessenger(win.document, { state, setOpen }, {
    workspaceId: config.workspaceId,
    hideDefaultLauncher: config.hideDefaultLauncher,
    ...(config.customLauncherSelector !== undefined ? { customLauncherSelector: config.customLauncherSelector } : {}),
    sound: config.sound,
  });

  let core: InstanceCore | null = null;
  /** Calls that need the connected side, made before it started: replayed in order. */
  const waiting: Array<(core: InstanceCore) => void> = [];
  const withCore = (call: (core: InstanceCore) => void) => (core ? call(core) : void waiting.push(call));
  const cancelStart = env.connectAfterPaint(config.convexUrl, (client) => {
    if (destroyed) return void client.close().catch(() => {});
    core = startInstanceCore({
      client,
      config,
      emitter,
      env,
      hooks,
      state,
      cache,
      messenger,
      setOpen,
      user: () => user,
      openMessenger: (conversationId) => show(conversationId === undefined ? undefined : { kind: "conversation", conversationId }),
    });
    for (const call of waiting.splice(0)) call(core);
  });

  return {
    identify(next) {
      user = next; // boot (and later re-boots after expiry) carry it
      // Before the connected side starts, boot has not run yet and will carry the user itself.
      core?.identify(next);
    },
    track: (name, properties) => withCore((connected) => connected.track(name, properties)),
    setOpen,
    isOpen: () => state.get().open,
    showMessages: () => show({ kind: "messages" }),
    showNewMessage: (text) => show({ kind: "new", text }),
    showArticle: (articleId) => show({ kind: "article", articleId }),
    setLocale(locale) {
      const supported = matchLocale(locale);
      if (supported) state.set({ locale: supported });
      return supported !== null;
    },
    visitorId: () => core?.visitorId() ?? null,
    startExperience: (kind, id) => withCore((connected) => connected.startExperience(kind, id)),
    availableTours: () => core?.availableTours() ?? [],
    destroy(options) {
      if (destroyed) return;
      destroyed = true;
      // The page's own launcher or badge follows our events: this visitor's messenger is
      // closed and their unread count gone (a user switch, a logout, a refused identity).
      const { open, unread } = state.get();
      if (open) emitter.emit("close", undefined);
      if (unread > 0) emitter.emit("unreadCountChange", { unreadCount: 0 });
      cancelStart();
      waiting.length = 0;
      if (core) core.destroy(options);
      else if (options?.logout) forgetVisitor(storage, config.workspaceId, null);
      messenger.destroy();
    },
  };
}
