import { afterEach, describe, expect, it } from "vitest";
import { createWidgetInstance, type WidgetInstance } from "../../../src/app/instance";
import { createSlicer, runAtOnce, type Slicer } from "../../../src/runtime/slices";
import { memoryStore, storageKeys } from "../../../src/runtime/storage";
import { createEmitter } from "../../../src/sdk/emitter";
import type { WidgetEvents } from "../../../src/sdk/types";
import { FakeClient } from "../helpers/fake-client";
import { BOOT_SETTINGS, launcher, shadow, until } from "../helpers/widget";

/*
 * The launcher paints before anything connects (instance.ts): the connected side starts only
 * when `connectAfterPaint` hands over a client, which these tests do by hand.
 */

let running: WidgetInstance[] = [];
afterEach(() => {
  for (const instance of running) instance.destroy();
  running = [];
  document.body.replaceChildren();
});

function startDeferred(slicer: Slicer = runAtOnce) {
  const client = new FakeClient()
    .on("widgetSessions:boot", () => ({ sessionToken: "wst_1", expiresAt: Date.now() + 3_600_000, visitorId: "visitor-1", settings: BOOT_SETTINGS }))
    .on("events:track", () => null)
    .on("visitors:identify", () => null);
  const storage = memoryStore();
  const created: string[] = [];
  let paint: (() => void) | null = null;
  let cancelled = false;
  const emitter = createEmitter<WidgetEvents>();
  const instance = createWidgetInstance({ convexUrl: "http://127.0.0.1:3210", workspaceId: "demo", trackPageViews: false }, emitter, {
    win: window,
    storage,
    connectAfterPaint(url, start) {
      paint = () => {
        created.push(url);
        start(client);
      };
      return () => {
        cancelled = true;
      };
    },
    createSlicer: () => slicer,
  });
  running.push(instance);
  return { client, storage, created, instance, emitter, painted: () => paint?.(), wasCancelled: () => cancelled };
}

describe("widget boot order", () => {
  it("shows a usable launcher before any client exists, then connects once the frame is painted", async () => {
    const { created, client, painted } = startDeferred();
    expect(launcher().getAttribute("aria-label")).toBe("Open messenger");
    expect(shadow().querySelector(".oc-root")!.hasAttribute("hidden")).toBe(false);
    expect(created).toEqual([]);

    painted();
    expect(created).toEqual(["http://127.0.0.1:3210"]);
    await until(() => client.callsTo("widgetSessions:boot").length === 1);
  });

  it("keeps calls that need the connection until it starts, in order, and boots with a user identified meanwhile", async () => {
    const { client, instance, painted } = startDeferred();
    instance.identify({ userId: "u-1", email: "ada@example.com" });
    instance.track("first");
    instance.track("second", { plan: "pro" });
    expect(instance.availableTours()).toEqual([]);
    expect(instance.visitorId()).toBeNull();

    painted();
    await until(() => client.callsTo("events:track").length === 2);
    expect(client.callsTo("events:track").map((call) => call.args.name)).toEqual(["first", "second"]);
    expect(client.callsTo("events:track")[1]?.args.properties).toEqual({ plan: "pro" });
    expect(client.callsTo("widgetSessions:boot")[0]?.args.user).toMatchObject({ userId: "u-1", email: "ada@example.com" });
    // Boot carried the user: no separate identify call was needed.
    expect(client.callsTo("visitors:identify")).toEqual([]);
    await until(() => instance.visitorId() === "visitor-1");
  });

  it("after the frame, boots and starts the queries in later short tasks, not in the one that connects", async () => {
    const tasks: Array<() => void> = [];
    const { client, created, instance, painted } = startDeferred(createSlicer((next) => tasks.push(next), () => 0, 10));
    painted();
    expect(created).toHaveLength(1);
    instance.track("clicked_pricing");
    expect(client.callsTo("widgetSessions:boot")).toEqual([]);
    expect(client.subscriptions).toEqual([]);
    expect(tasks).toHaveLength(1);

    // Each subscription the booted session fans out is a job of its own in later tasks too.
    const drain = () => {
      while (tasks.length > 0) tasks.shift()?.();
    };
    await until(() => (drain(), client.callsTo("events:track").length === 1 && client.subscriptions.length > 0));
    expect(client.callsTo("widgetSessions:boot")).toHaveLength(1);
  });

  it("opens on a click before the connection: the launcher says it is loading, the panel follows once connected", async () => {
    const { instance, painted } = startDeferred();
    launcher().click();
    expect(instance.isOpen()).toBe(true);
    expect(launcher().classList.contains("oc-loading")).toBe(true);
    expect(shadow().querySelector(".oc-panel")).toBeNull();

    painted();
    await until(() => shadow().querySelector(".oc-panel") !== null);
  });

  it("destroyed before the frame: nothing starts, the launcher is gone, and a logout still forgets the stored session", () => {
    const { client, instance, painted, wasCancelled, storage } = startDeferred();
    storage.set(storageKeys.sessionId("demo"), "stored-session");
    instance.destroy({ logout: true });
    expect(wasCancelled()).toBe(true);
    expect(document.querySelector("opencom-widget")).toBeNull();
    expect(storage.get(storageKeys.sessionId("demo"))).toBeNull();
    painted(); // a client that connects anyway is closed, and nothing boots
    expect(client.closed).toBe(true);
    expect(client.callsTo("widgetSessions:boot")).toEqual([]);
  });
});
