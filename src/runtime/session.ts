import type { UserIdentity } from "../sdk/types";
import type { DeviceInfo } from "./device";
import { backoffMs, isPermanent, readAppError, type AppErrorInfo } from "./errors";
import { randomId } from "./ids";
import { parseSettings, type WidgetSettings } from "./settings";
import { storageKeys, type KeyValueStore } from "./storage";
import { DestroyedError, type Timers } from "./timers";
import { wire } from "./wire";

/** What boot sends besides workspace and session ids. */
export interface BootContext {
  origin?: string;
  user?: UserIdentity;
  device?: DeviceInfo;
  referrer?: string;
  url?: string;
  /** From the tag, for the install check: the server marks the installation verified. */
  onboardingVerificationToken?: string;
  clientIdentifier?: string;
}

export interface SessionSnapshot {
  token: string;
  expiresAt: number;
  visitorId: string;
  settings: WidgetSettings;
}

export interface SessionDeps {
  workspaceId: string;
  storage: KeyValueStore;
  timers: Timers;
  /** Boot's answer is parsed here (wire.boot), whatever its declared type. */
  callBoot(args: BootContext & { workspaceId: string; sessionId: string }): Promise<unknown>;
  callRefresh(args: { sessionToken: string }): Promise<unknown>;
  bootContext(): BootContext;
  /** Boot failed for good (origin not allowed, unknown workspace, identity refused…): retrying cannot help. */
  onFatal(error: AppErrorInfo): void;
  /**
   * A re-boot landed on another visitor than before (e.g. a verified user who resumed their
   * visitor from another device re-boots without an expired JWT, and this browser's
   * sessionId names a different visitor). The new session is not published: the owner
   * must throw away everything of the old visitor first. Without this hook it is used.
   */
  onVisitorChanged?(): void;
  now?: () => number;
}

export interface Session {
  /** The live session, booting first if needed. */
  ready(): Promise<SessionSnapshot>;
  current(): SessionSnapshot | null;
  /**
   * Boots again with the same sessionId (so the visitor and their conversations stay).
   * Pass the token that was refused: if a newer one exists already, no second boot happens.
   */
  reboot(staleToken?: string): Promise<SessionSnapshot>;
  /** Called whenever the token changes (boot, refresh with rotation, re-boot). */
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  destroy(): void;
}

/**
 * When to refresh, as a share of the time the token had left when it arrived. The backend
 * only rotates once less than a quarter of the lifetime is left; refreshing at 80 % leaves
 * margin for latency and small clock differences, and still well before expiry.
 */
const REFRESH_AT = 0.8;
const MIN_REFRESH_DELAY = 1_000;
const CLIENT_ID = /^[\x21-\x7e]{1,128}$/;

export function createSession(deps: SessionDeps): Session {
  const now = deps.now ?? Date.now;
  const listeners = new Set<(snapshot: SessionSnapshot) => void>();
  let current: SessionSnapshot | null = null;
  let booting: Promise<SessionSnapshot> | null = null;
  let fatal: AppErrorInfo | null = null;
  let destroyed = false;
  let cancelRefresh = () => {};

  let boundSessionId: string | null = null;

  /**
   * The browser's persistent id for this workspace: the same visitor across reloads. Read
   * once: a session stays bound to its id, so a logout or user switch in another tab (which
   * replaces the stored id) never moves this tab onto that tab's new visitor.
   */
  function sessionId(): string {
    if (boundSessionId !== null) return boundSessionId;
    const key = storageKeys.sessionId(deps.workspaceId);
    const stored = deps.storage.get(key);
    if (stored !== null && CLIENT_ID.test(stored)) return (boundSessionId = stored);
    boundSessionId = randomId();
    deps.storage.set(key, boundSessionId);
    return boundSessionId;
  }

  function publish(next: SessionSnapshot): void {
    const tokenChanged = current?.token !== next.token;
    current = next;
    scheduleRefresh(next.expiresAt);
    if (!tokenChanged) return;
    for (const listener of [...listeners]) {
      // A listener may tear the widget down (a user switch); the others must not resubscribe.
      if (destroyed) return;
      listener(next);
    }
  }

  function scheduleRefresh(expiresAt: number): void {
    cancelRefresh();
    const remaining = Math.max(0, expiresAt - now());
    cancelRefresh = deps.timers.timeout(() => void refresh(), Math.max(MIN_REFRESH_DELAY, remaining * REFRESH_AT));
  }

  async function bootWithRetries(): Promise<SessionSnapshot> {
    for (let attempt = 0; ; attempt++) {
      if (destroyed) throw new DestroyedError();
      try {
        const args = { ...deps.bootContext(), workspaceId: deps.workspaceId, sessionId: sessionId() };
        const result = wire.boot(await deps.callBoot(args));
        if (destroyed) throw new DestroyedError();
        const snapshot: SessionSnapshot = {
          token: result.sessionToken,
          expiresAt: result.expiresAt,
          visitorId: result.visitorId,
          settings: parseSettings(result.settings),
        };
        if (current !== null && snapshot.visitorId !== current.visitorId && deps.onVisitorChanged) {
          deps.onVisitorChanged();
          throw new DestroyedError();
        }
        publish(snapshot);
        return snapshot;
      } catch (error) {
        if (error instanceof DestroyedError || destroyed) throw new DestroyedError();
        const info = readAppError(error);
        if (info && isPermanent(info)) {
          fatal = info;
          deps.onFatal(info);
          throw error;
        }
        // Network trouble, a server bug or rate limiting: wait and try again, for as long
        // as the page lives. (Actions wait for the socket on their own while it is down.)
        const delay = info?.code === "RATE_LIMITED" ? (info.retryAfter ?? 5_000) : backoffMs(attempt);
        await deps.timers.sleep(delay);
      }
    }
  }

  function boot(): Promise<SessionSnapshot> {
    if (fatal) return Promise.reject(new Error(fatal.message));
    booting ??= bootWithRetries().finally(() => {
      booting = null;
    });
    return booting;
  }

  async function refresh(): Promise<void> {
    const snapshot = current;
    if (!snapshot || destroyed) return;
    try {
      const result = wire.refresh(await deps.callRefresh({ sessionToken: snapshot.token }));
      // A re-boot may have replaced the session while the refresh was in flight.
      if (destroyed || current !== snapshot) return;
      publish({ ...snapshot, token: result.sessionToken, expiresAt: result.expiresAt });
    } catch (error) {
      // Gone, or replaced meanwhile (a live query's UNAUTHENTICATED re-booted already).
      if (destroyed || current !== snapshot) return;
      const info = readAppError(error);
      if (info?.code === "UNAUTHENTICATED" || snapshot.expiresAt <= now()) {
        boot().catch(() => {});
        return;
      }
      cancelRefresh = deps.timers.timeout(() => void refresh(), info?.retryAfter ?? 30_000);
    }
  }

  return {
    ready: () => (current ? Promise.resolve(current) : boot()),
    current: () => current,
    reboot(staleToken) {
      if (current && staleToken !== undefined && current.token !== staleToken) return Promise.resolve(current);
      return boot();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      cancelRefresh();
      listeners.clear();
    },
  };
}
