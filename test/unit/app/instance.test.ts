import { afterEach, describe, expect, it, vi } from "vitest";
import { createSettingsCache } from "../../../src/runtime/settings-cache";
import { memoryStore, storageKeys, type KeyValueStore } from "../../../src/runtime/storage";
import { convexError, FakeClient, flush } from "../helpers/fake-client";
import { destroyWidgets, host, launcher, shadow, startWidget, until } from "../helpers/widget";

const originalPush = history.pushState;

/** What an earlier page load of the same widget (startWidget's workspace and deployment) stored. */
function cacheFromLastVisit(storage: KeyValueStore, settings: Record<string, unknown>): void {
  createSettingsCache(storage, { workspaceId: "demo", convexUrl: "http://127.0.0.1:3210" }).saveSettings(settings);
}

const rootClass = () => shadow().querySelector(".oc-root")!.className;
const themeSheet = () => [...shadow().adoptedStyleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join("")).join("");

afterEach(() => {
  destroyWidgets();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe("widget instance", () => {
  it("boots, then shows the launcher in an open shadow root styled by adopted sheets only", async () => {
    const { client, emitter } = startWidget();
    const ready = vi.fn();
    emitter.on("ready", ready);
    await until(() => !shadow().querySelector(".oc-root")!.hasAttribute("hidden"));

    expect(host()?.shadowRoot?.mode).toBe("open");
    expect(launcher().getAttribute("aria-label")).toBe("Open messenger");
    expect(shadow().adoptedStyleSheets.length).toBeGreaterThanOrEqual(2);
    expect(document.querySelectorAll("style").length + shadow().querySelectorAll("style, [style]").length).toBe(0);
    expect(ready).toHaveBeenCalledWith({ visitorId: "visitor-1" });

    const boot = client.callsTo("widgetSessions:boot")[0];
    expect(boot?.args).toMatchObject({ workspaceId: "demo", origin: location.origin, url: location.href });
    expect(boot?.args.device).toEqual(expect.objectContaining({ browser: expect.any(String), deviceType: expect.any(String) }));
    expect(boot?.args).not.toHaveProperty("onboardingVerificationToken");
    expect(boot?.args).not.toHaveProperty("clientIdentifier");
  });

  it("carries the tag's onboarding verification token and client identifier to boot, for the install check", async () => {
    const { client } = startWidget({ config: { onboardingVerificationToken: "ocv_token", clientIdentifier: "Marketing site" } });
    await until(() => client.callsTo("widgetSessions:boot").length === 1);
    expect(client.callsTo("widgetSessions:boot")[0]?.args).toMatchObject({ onboardingVerificationToken: "ocv_token", clientIdentifier: "Marketing site" });
  });

  it("tracks the page view and keeps the unread badge live", async () => {
    const { client, emitter } = startWidget();
    const changes: number[] = [];
    emitter.on("unreadCountChange", ({ unreadCount }) => changes.push(unreadCount));
    await until(() => client.active("messenger:unreadSummary").length === 1);
    await until(() => client.callsTo("events:track").length === 1);
    expect(client.callsTo("events:track")[0]?.args).toMatchObject({ name: "$pageview", url: location.href, sessionToken: "wst_1" });

    client.active("messenger:unreadSummary")[0]?.onValue({ unreadCount: 3, latest: null });
    const badge = shadow().querySelector<HTMLElement>(".oc-badge")!;
    expect(badge.hidden).toBe(false);
    expect(badge.textContent).toContain("3");
    expect(launcher().getAttribute("aria-describedby")).toBe(badge.id);
    expect(changes).toEqual([3]);
  });

  it("paints a returning visitor's launcher at once in the cached colour and side, before boot answers", () => {
    const storage = memoryStore();
    cacheFromLastVisit(storage, { teamName: "Cached", primaryColor: "#000000", launcherPosition: "left" });
    const client = new FakeClient().on("widgetSessions:boot", () => new Promise(() => {})); // boot never answers
    startWidget({ storage, client });
    expect(shadow().querySelector(".oc-root")?.hasAttribute("hidden")).toBe(false);
    expect(launcher().getAttribute("aria-label")).toBe("Open messenger");
    expect(rootClass()).toContain("oc-left");
    expect(themeSheet()).toContain("--oc-primary: #000000");
  });

  it("paints a first visit's launcher at once, from the tag's colour and side when it gives them", () => {
    const client = new FakeClient().on("widgetSessions:boot", () => new Promise(() => {}));
    startWidget({ client, config: { primaryColor: "#b91c1c", launcherPosition: "left" } });
    expect(shadow().querySelector(".oc-root")?.hasAttribute("hidden")).toBe(false);
    expect(rootClass()).toContain("oc-left");
    expect(themeSheet()).toContain("--oc-primary: #b91c1c");
  });

  it("ignores a corrupt cache: the launcher paints as on a first visit, then boot's look replaces it and is stored", async () => {
    const storage = memoryStore();
    cacheFromLastVisit(storage, { primaryColor: "#000000" });
    const entry = JSON.parse(storage.get(storageKeys.settings("demo"))!) as { settings: Record<string, unknown> };
    entry.settings["primaryColor"] = "#000;}:host{display:none";
    storage.set(storageKeys.settings("demo"), JSON.stringify(entry));
    const { emitter } = startWidget({ storage });
    expect(themeSheet()).toContain("--oc-primary: #2563eb");
    expect(rootClass()).toContain("oc-right");
    await new Promise<void>((resolve) => emitter.on("ready", () => resolve()));
    expect(themeSheet()).toContain("--oc-primary: #4f46e5");
    expect(createSettingsCache(storage, { workspaceId: "demo", convexUrl: "http://127.0.0.1:3210" }).read()?.primaryColor).toBe("#4f46e5");
  });

  it("opens the panel on click, closes on Escape and returns focus to the launcher", async () => {
    const { emitter } = startWidget();
    const events: string[] = [];
    emitter.on("open", () => events.push("open"));
    emitter.on("close", () => events.push("close"));
    await until(() => !shadow().querySelector(".oc-root")!.hasAttribute("hidden"));

    launcher().click();
    expect(launcher().getAttribute("aria-label")).toBe("Close messenger");
    expect(launcher().getAttribute("aria-expanded")).toBe("true");
    await until(() => shadow().querySelector("[role=dialog]"));
    const dialog = shadow().querySelector<HTMLElement>("[role=dialog]")!;
    expect(dialog.hidden).toBe(false);
    await until(() => expect(shadow().activeElement?.textContent).toContain("New conversation"));

    dialog.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(launcher().getAttribute("aria-label")).toBe("Open messenger");
    await until(() => expect(dialog.hidden).toBe(true)); // Preact re-renders on a microtask
    expect(shadow().activeElement).toBe(launcher());
    expect(events).toEqual(["open", "close"]);
  });

  it("destroy() removes the element, subscriptions, listeners, timers and the socket", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "clearTimeout", "clearInterval"] });
    try {
      const { client, instance } = startWidget();
      await vi.advanceTimersByTimeAsync(0);
      await flush(20);
      expect(client.active("messenger:unreadSummary")).toHaveLength(1);
      expect(history.pushState).not.toBe(originalPush);
      expect(vi.getTimerCount()).toBeGreaterThan(0);

      instance.destroy();
      expect(host()).toBeNull();
      expect(client.closed).toBe(true);
      expect(client.subscriptions.every((s) => !s.active)).toBe(true);
      expect(client.connectionListeners.size).toBe(0);
      expect(history.pushState).toBe(originalPush);
      expect(vi.getTimerCount()).toBe(0);
      instance.destroy(); // twice is harmless
    } finally {
      vi.useRealTimers();
    }
  });

  it("delivers messages left unsent by an earlier page load, in order, after boot", async () => {
    const storage = memoryStore();
    storage.set(
      storageKeys.outbox("demo", "visitor-1"),
      JSON.stringify([
        { clientMessageId: "a", conversationKey: "conv-1", body: "first", createdAt: 1, status: "queued" },
        { clientMessageId: "b", conversationKey: "conv-1", body: "second", createdAt: 2, status: "queued" },
      ]),
    );
    const client = new FakeClient().on("messages:send", (args) => ({
      conversationId: args.conversationId,
      messageId: `m-${String(args.clientMessageId)}`,
    }));
    startWidget({ storage, client });
    await until(() => client.callsTo("messages:send").length === 2);
    expect(client.callsTo("messages:send").map((c) => [c.args.clientMessageId, c.args.body, c.args.conversationId])).toEqual([
      ["a", "first", "conv-1"],
      ["b", "second", "conv-1"],
    ]);
    await until(() => storage.get(storageKeys.outbox("demo", "visitor-1")) === null);
  });

  it("hides itself and logs one error when the origin is refused", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const storage = memoryStore();
    cacheFromLastVisit(storage, { teamName: "Cached" });
    expect(storage.get(storageKeys.settings("demo"))).not.toBeNull();
    const client = new FakeClient().on("widgetSessions:boot", () => {
      throw convexError({ code: "ORIGIN_NOT_ALLOWED", message: "Origin not allowed" });
    });
    const { emitter } = startWidget({ storage, client });
    const errors: unknown[] = [];
    emitter.on("error", (e) => errors.push(e));
    await until(() => errors.length === 1);
    expect(shadow().querySelector(".oc-root")?.hasAttribute("hidden")).toBe(true);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/^\[OpencomWidget\] the widget is disabled: Origin not allowed/);
    expect(storage.get(storageKeys.settings("demo"))).toBeNull();
  });
});
