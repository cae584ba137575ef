import { afterEach, describe, expect, it, vi } from "vitest";
import { createWidget, type Widget } from "../../../src/app/identity-switch";
import { memoryStore, storageKeys } from "../../../src/runtime/storage";
import { createEmitter } from "../../../src/sdk/emitter";
import type { UserIdentity, WidgetEvents } from "../../../src/sdk/types";
import { convexError, FakeClient } from "../helpers/fake-client";
import { BOOT_SETTINGS, until } from "../helpers/widget";
import { runAtOnce } from "../../../src/runtime/slices";

const HASH = "ab".repeat(32);
const running: Widget[] = [];

afterEach(() => {
  for (const widget of running.splice(0)) widget.destroy();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/**
 * The widget on a scripted backend where each sessionId is its own visitor. Every
 * instance gets its own FakeClient (as each gets its own ConvexClient in the browser).
 */
function setup(options: { user?: UserIdentity; boot?: (args: Record<string, unknown>) => unknown } = {}) {
  const clients: FakeClient[] = [];
  const storage = memoryStore();
  const emitter = createEmitter<WidgetEvents>();
  const errors: Array<WidgetEvents["error"]> = [];
  emitter.on("error", (error) => errors.push(error));
  let issued = 0;
  const boot =
    options.boot ??
    ((args: Record<string, unknown>) => ({
      sessionToken: `wst_${++issued}`,
      expiresAt: Date.now() + 3_600_000,
      visitorId: `visitor-of-${String(args.sessionId)}`,
      settings: BOOT_SETTINGS,
    }));
  const widget = createWidget(
    { convexUrl: "http://127.0.0.1:3210", workspaceId: "demo", trackPageViews: false, ...(options.user ? { user: options.user } : {}) },
    emitter,
    {
      win: window,
      storage,
      connectAfterPaint: (_url, start) => {
        const client = new FakeClient()
          .on("widgetSessions:boot", boot)
          .on("widgetSessions:logout", () => ({ revokedSessions: 1 }))
          .on("events:track", () => null);
        clients.push(client);
        start(client);
        return () => {};
      },
      createSlicer: () => runAtOnce,
    },
  );
  running.push(widget);
  return { widget, clients, storage, errors, emitter };
}

/** The visitor the widget shows now; null while it shows none. */
const visitorOf = (widget: Widget) => widget.current()?.visitorId() ?? null;
const hosts = () => document.querySelectorAll("opencom-widget");
const sessionId = (storage: ReturnType<typeof memoryStore>) => storage.get(storageKeys.sessionId("demo"));

describe("user switch (logout isolation)", () => {
  it("identify() with another user logs out, wipes the old visitor and boots a new one for the new user", async () => {
    const { widget, clients, storage } = setup({ user: { userId: "alice", userHash: HASH } });
    await until(() => visitorOf(widget) !== null);
    const aliceVisitor = visitorOf(widget)!;
    const aliceSession = sessionId(storage);
    storage.set(storageKeys.outbox("demo", aliceVisitor), JSON.stringify([{ clientMessageId: "x", conversationKey: "c", body: "Alice's secret", createdAt: 1, status: "queued" }]));
    storage.set(`opencom:demo:${aliceVisitor}:overlays`, "{}");
    const [alice] = clients;
    const aliceHost = hosts()[0];

    widget.identify({ userId: "bob", userHash: HASH });

    // Synchronously: Alice's DOM is gone and her data forgotten before Bob's widget exists.
    expect(aliceHost?.isConnected).toBe(false);
    expect(hosts()).toHaveLength(1);
    expect(storage.keys().filter((key) => key.includes(aliceVisitor))).toEqual([]);
    expect(alice?.callsTo("widgetSessions:logout")[0]?.args).toEqual({ sessionToken: "wst_1" });
    expect(alice?.callsTo("visitors:identify")).toEqual([]);

    await until(() => visitorOf(widget) !== null);
    const bobBoot = clients[1]?.callsTo("widgetSessions:boot")[0]?.args;
    expect(bobBoot?.user).toEqual({ userId: "bob", userHash: HASH });
    expect(bobBoot?.sessionId).not.toBe(aliceSession);
    expect(sessionId(storage)).toBe(bobBoot?.sessionId);
    expect(visitorOf(widget)).not.toBe(aliceVisitor);
    await until(() => alice?.closed === true); // after the logout call went out
  });

  it("identify() of the same user, or of an anonymous visitor, only identifies", async () => {
    const { widget, clients } = setup();
    await until(() => visitorOf(widget) !== null);
    const [client] = clients;
    client?.on("visitors:identify", () => ({ visitorId: visitorOf(widget), identified: true, verified: true }));
    widget.identify({ userId: "alice", userHash: HASH });
    widget.identify({ userId: "alice", userHash: HASH, name: "Alice" });
    await until(() => client?.callsTo("visitors:identify").length === 2);
    expect(clients).toHaveLength(1);
    expect(client?.callsTo("widgetSessions:logout")).toEqual([]);
  });

  it("switches when the server answers IDENTITY_CHANGED to identify", async () => {
    const { widget, clients, storage } = setup();
    await until(() => visitorOf(widget) !== null);
    const anonymousSession = sessionId(storage);
    clients[0]?.on("visitors:identify", () => {
      throw convexError({ code: "IDENTITY_CHANGED", message: "This user already has a visitor" });
    });
    widget.identify({ userId: "alice", userHash: HASH });
    await until(() => clients.length === 2 && visitorOf(widget) !== null);
    expect(clients[0]?.callsTo("widgetSessions:logout")).toHaveLength(1);
    expect(clients[1]?.callsTo("widgetSessions:boot")[0]?.args).toMatchObject({ user: { userId: "alice" } });
    expect(sessionId(storage)).not.toBe(anonymousSession);
  });

  it("switches to a fresh visitor when boot answers IDENTITY_CHANGED, and does not loop", async () => {
    let boots = 0;
    const { widget, clients, errors } = setup({
      user: { userId: "bob", userHash: HASH },
      boot: () => {
        boots++;
        throw convexError({ code: "IDENTITY_CHANGED", message: "This visitor belongs to another user" });
      },
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await until(() => errors.length === 1);
    expect(boots).toBe(2); // the stored visitor, then one fresh visitor; then it stops
    expect(clients).toHaveLength(2);
    expect(visitorOf(widget)).toBeNull();
    expect(hosts()).toHaveLength(0);
    expect(error).toHaveBeenCalledTimes(1);
  });

  it("starts over when a re-boot lands on another visitor (logged out in another tab)", async () => {
    let boots = 0;
    const { widget, clients, storage } = setup({
      boot: (args) => ({
        sessionToken: `wst_${++boots}`,
        expiresAt: Date.now() + 3_600_000,
        // The second boot (same sessionId) finds another visitor, as after a logout elsewhere.
        visitorId: boots === 2 ? "someone-else" : `visitor-of-${String(args.sessionId)}`,
        settings: BOOT_SETTINGS,
      }),
    });
    await until(() => visitorOf(widget) !== null);
    const first = visitorOf(widget);
    const firstSession = sessionId(storage);
    clients[0]?.on("events:track", () => {
      throw convexError({ code: "UNAUTHENTICATED", message: "revoked" });
    });
    widget.current()?.track("clicked");
    await until(() => clients.length === 2 && visitorOf(widget) !== null);
    expect(visitorOf(widget)).not.toBe("someone-else");
    expect(visitorOf(widget)).not.toBe(first);
    expect(sessionId(storage)).not.toBe(firstSession);
    expect(hosts()).toHaveLength(1);
  });

  it("destroy() logs out and forgets the visitor; the next widget is a new visitor", async () => {
    const first = setup({ user: { userId: "alice", userHash: HASH } });
    await until(() => visitorOf(first.widget) !== null);
    const visitor = visitorOf(first.widget)!;
    first.storage.set(storageKeys.outbox("demo", visitor), "[]");
    first.widget.destroy();
    expect(hosts()).toHaveLength(0);
    expect(first.clients[0]?.callsTo("widgetSessions:logout")).toHaveLength(1);
    expect(first.storage.keys().filter((key) => key !== storageKeys.settings("demo"))).toEqual([]);
    await until(() => first.clients[0]?.closed === true);
  });
});

describe("what the host page hears on a user switch", () => {
  /** Alice's widget, open, with 3 unread; every event the page receives from then on. */
  async function aliceOpenWithUnread() {
    const setupResult = setup({ user: { userId: "alice", userHash: HASH } });
    const { widget, clients, emitter } = setupResult;
    await until(() => visitorOf(widget) !== null);
    widget.current()?.setOpen(true);
    await until(() => (clients[0]?.active("messenger:unreadSummary").length ?? 0) > 0);
    clients[0]?.active("messenger:unreadSummary")[0]?.onValue({ unreadCount: 3, latest: null });
    const heard: string[] = [];
    emitter.on("close", () => heard.push("close"));
    emitter.on("unreadCountChange", ({ unreadCount }) => heard.push(`unread ${unreadCount}`));
    return { ...setupResult, heard };
  }

  it("identify() as someone else: `close`, then an unread count of 0, before the new visitor", async () => {
    const { widget, heard } = await aliceOpenWithUnread();
    widget.identify({ userId: "bob", userHash: HASH });
    expect(heard).toEqual(["close", "unread 0"]);
  });

  it("destroy(): the same, so a badge the page draws does not keep the last user's count", async () => {
    const { widget, heard } = await aliceOpenWithUnread();
    widget.destroy();
    expect(heard).toEqual(["close", "unread 0"]);
  });

  it("says nothing it has not said: a closed widget with nothing unread emits neither", async () => {
    const { widget, emitter } = setup();
    await until(() => visitorOf(widget) !== null);
    const heard: string[] = [];
    emitter.on("close", () => heard.push("close"));
    emitter.on("unreadCountChange", () => heard.push("unread"));
    widget.destroy();
    expect(heard).toEqual([]);
  });
});

describe("identity verification refused", () => {
  it("shows nothing, logs one error and emits `error` when boot refuses the proof", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { widget, errors } = setup({
      user: { userId: "alice", userHash: HASH },
      boot: () => {
        throw convexError({ code: "IDENTITY_VERIFICATION_FAILED", message: "userHash does not match", field: "user.userHash" });
      },
    });
    await until(() => errors.length === 1);
    expect(errors).toEqual([{ code: "IDENTITY_VERIFICATION_FAILED", message: "userHash does not match" }]);
    expect(hosts()).toHaveLength(0);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toBe(
      "[OpencomWidget] the widget is hidden for this user: userHash does not match (IDENTITY_VERIFICATION_FAILED, user.userHash)",
    );
    expect(widget.current()?.isOpen() ?? false).toBe(false);
    widget.current()?.setOpen(true); // harmless while hidden
    expect(hosts()).toHaveLength(0);
  });

  it("hides an anonymous visitor's widget when identify is refused, and a valid identify brings it back", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { widget, clients, errors, storage } = setup();
    await until(() => visitorOf(widget) !== null);
    const anonymousSession = sessionId(storage);
    clients[0]?.on("visitors:identify", () => {
      throw convexError({ code: "IDENTITY_VERIFICATION_FAILED", message: "A verified identity is required", field: "user.userId" });
    });
    widget.identify({ userId: "alice" });
    await until(() => errors.length === 1);
    expect(hosts()).toHaveLength(0);
    expect(clients[0]?.callsTo("widgetSessions:logout")).toEqual([]); // not a logout: same browser, same person

    widget.identify({ userId: "alice", userHash: HASH });
    await until(() => hosts().length === 1 && visitorOf(widget) !== null);
    expect(clients[1]?.callsTo("widgetSessions:boot")[0]?.args).toMatchObject({ sessionId: anonymousSession, user: { userId: "alice" } });
  });
});
