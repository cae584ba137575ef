import type { ResolvedConfig } from "../sdk/config";
import type { Emitter } from "../sdk/emitter";
import { logError } from "../sdk/log";
import type { UserIdentity, WidgetEvents } from "../sdk/types";
import { matchLocale } from "../i18n/locales";
import type { AppErrorInfo } from "../runtime/errors";
import { isDifferentUser } from "../runtime/identity";
import { browserEnv, createWidgetInstance, type InstanceEnv, type InstanceHooks, type WidgetInstance } from "./instance";

/**
 * The widget the public API drives. Only what changes person (or outlives one) lives here;
 * everything else the API asks of `current()`, so a new public method needs no line here.
 */
export interface Widget {
  /** The instance showing the current visitor; null while hidden (refused identity) or destroyed. */
  current(): WidgetInstance | null;
  identify(user: UserIdentity): void;
  /** False (and no change) when the locale is not supported; kept for the next visitor too. */
  setLocale(locale: string): boolean;
  /** A logout: the next init() starts a new visitor. */
  destroy(): void;
}

export type CreateInstance = (
  config: ResolvedConfig,
  emitter: Emitter<WidgetEvents>,
  env: InstanceEnv,
  hooks: InstanceHooks,
) => WidgetInstance;

/**
 * The widget as the public API sees it, and the one place that decides which visitor it
 * shows. Each visitor gets its own widget instance (session, outbox, live queries, UI);
 * changing person replaces the whole instance, synchronously:
 *
 * - `identify` with another user id, `destroy()`, IDENTITY_CHANGED from boot or identify,
 *   and a re-boot that lands on another visitor: the old instance is torn down (its DOM
 *   removed, its stored sessionId and visitor data wiped, its session revoked) before the
 *   new one renders anything, so the previous person's conversations never show, not even
 *   for one frame. The new instance boots a fresh visitor, carrying the new user.
 * - IDENTITY_VERIFICATION_FAILED: the widget shows nothing to that user and says why once.
 *   A later `identify` with a valid proof starts it again.
 */
export function createWidget(
  config: ResolvedConfig,
  emitter: Emitter<WidgetEvents>,
  env: InstanceEnv = browserEnv(),
  createInstance: CreateInstance = createWidgetInstance,
): Widget {
  const { user: initialUser, ...base } = config;
  let user: UserIdentity | undefined = initialUser;
  let current: WidgetInstance | null = null;
  /** The current instance started on a fresh sessionId (after a switch). */
  let fresh = false;
  let destroyed = false;

  function start(nextUser: UserIdentity | undefined, freshVisitor: boolean): void {
    user = nextUser;
    fresh = freshVisitor;
    const instance = createInstance(nextUser ? { ...base, user: nextUser } : base, emitter, env, {
      onIdentityRefused: (error) => instance === current && onRefused(error),
      onVisitorChanged: () => instance === current && switchTo(user),
    });
    current = instance;
  }

  /** Logout, then a new visitor for `nextUser` (anonymous when undefined). */
  function switchTo(nextUser: UserIdentity | undefined): void {
    current?.destroy({ logout: true });
    current = null;
    start(nextUser, true);
  }

  function onRefused(error: AppErrorInfo): void {
    // IDENTITY_CHANGED: this browser's visitor belongs to someone else. On a fresh visitor
    // that cannot happen; if it does anyway, stop rather than switch in a loop.
    if (error.code === "IDENTITY_CHANGED" && !(fresh && current?.visitorId() === null)) return switchTo(user);
    current?.destroy();
    current = null;
    logError(`the widget is hidden for this user: ${error.message} (${error.field ? `${error.code}, ${error.field}` : error.code})`);
    emitter.emit("error", { code: error.code, message: error.message });
  }

  start(initialUser, false);
  return {
    current: () => current,
    identify(next) {
      if (destroyed) return;
      if (current === null) return start(next, false); // hidden after a refusal: try the new identity
      if (isDifferentUser(user, next)) return switchTo(next);
      user = next;
      current.identify(next);
    },
    setLocale(locale) {
      if (matchLocale(locale) === null) return false;
      base.locale = locale; // a later switch to another visitor keeps the language
      current?.setLocale(locale);
      return true;
    },
    destroy() {
      // The public destroy() is a logout: the next init() starts a new visitor.
      destroyed = true;
      current?.destroy({ logout: true });
      current = null;
    },
  };
}
