import { createEmitter } from "../../../src/sdk/emitter";
import type { WidgetEvents } from "../../../src/sdk/types";
import { createWidgetInstance, type InstanceEnv } from "../../../src/app/instance";
import type { ClientLike } from "../../../src/runtime/gateway";
import type { ResolvedConfig } from "../../../src/sdk/config";
import { runAtOnce } from "../../../src/runtime/slices";
import { memoryStore, type KeyValueStore } from "../../../src/runtime/storage";
import { FakeClient, flush } from "./fake-client";

export const BOOT_SETTINGS = {
  workspaceName: "Acme Analytics",
  teamName: "Acme Support",
  greeting: "Hi there! How can we help?",
  primaryColor: "#4f46e5",
  launcherPosition: "right",
  tabs: [{ id: "messages", enabled: true, visibleTo: "all" }],
};

/** An InstanceEnv.connectAfterPaint that connects `client` at once (no frame to wait for here). */
export function connectNow(client: ClientLike): InstanceEnv["connectAfterPaint"] {
  return (_url, start) => {
    start(client);
    return () => {};
  };
}

const running: Array<{ destroy(): void }> = [];

/** Destroys every widget the helpers started (call from afterEach). */
export function destroyWidgets(): void {
  for (const instance of running.splice(0)) instance.destroy();
}

/** A widget instance on a scripted fake backend. */
export function startWidget(
  options: { storage?: KeyValueStore; client?: FakeClient; trackPageViews?: boolean; config?: Partial<ResolvedConfig> } = {},
) {
  const client = options.client ?? new FakeClient();
  if (!client.handlers.has("widgetSessions:boot")) {
    let issued = 0;
    client.on("widgetSessions:boot", () => ({
      sessionToken: `wst_${++issued}`,
      expiresAt: Date.now() + 3_600_000,
      visitorId: "visitor-1",
      settings: BOOT_SETTINGS,
    }));
  }
  const storage = options.storage ?? memoryStore();
  const emitter = createEmitter<WidgetEvents>();
  const instance = createWidgetInstance(
    { convexUrl: "http://127.0.0.1:3210", workspaceId: "demo", trackPageViews: options.trackPageViews ?? true, ...options.config },
    emitter,
    // The connected side starts at once, as it would after the first paint.
    { win: window, storage, connectAfterPaint: connectNow(client), createSlicer: () => runAtOnce },
  );
  running.push(instance);
  return { client, storage, emitter, instance };
}

export function host(): HTMLElement | null {
  return document.querySelector("opencom-widget");
}

export function shadow(): ShadowRoot {
  const root = host()?.shadowRoot;
  if (!root) throw new Error("no widget shadow root");
  return root;
}

export function launcher(): HTMLButtonElement {
  const button = shadow().querySelector<HTMLButtonElement>(".oc-launcher");
  if (!button) throw new Error("no launcher");
  return button;
}

/**
 * Waits until `check` passes (async UI: dynamic import, microtasks, Preact renders). The
 * limit is time, not attempts: on a loaded CI machine the lazy panel chunk can take a while.
 */
export async function until(check: () => unknown, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const overdue = Date.now() >= deadline;
    try {
      const result = check();
      // Assertion-style checks return nothing; predicate-style ones must be truthy.
      if (result === undefined || result) return;
    } catch (error) {
      if (overdue) throw error;
    }
    if (overdue) throw new Error("condition never became true");
    await flush();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
