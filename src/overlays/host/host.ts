import type { ExperienceKind } from "../../engine/arbitration";
import type { WidgetUiState } from "../../runtime/ui-state";
import type { ClientLike, Gateway } from "../../runtime/gateway";
import { readJson, type KeyValueStore } from "../../runtime/storage";
import type { Store } from "../../runtime/store";
import type { Timers } from "../../runtime/timers";
import { logError } from "../../sdk/log";
import type { TourSummary } from "../../sdk/types";
import type { Stage } from "../stage";
import { backend } from "../../runtime/functions";
import { FEEDS, isDueNow, toEntries, tourSummary, type Entry } from "./feeds";
import { watchPageSignals } from "./page-signals";

/**
 * The engagement host, the only engagement code in runtime.js: it follows the live
 * queries and watches the page for triggers. The first time anything is due it loads
 * the rest (src/overlays/loader.ts): the stage, which arbitrates and mounts, and through
 * it each overlay's own chunk.
 */
export interface EngagementHost {
  start(kind: "tour" | "survey" | "checklist", id: string): void;
  /** The tours of the live list as they stand now; empty until the list has arrived. */
  availableTours(): TourSummary[];
  noteEvent(name: string): void;
  destroy(): void;
}

export interface EngagementHostDeps {
  win: Window & typeof globalThis;
  shadow: ShadowRoot;
  gateway: Gateway;
  client: ClientLike;
  timers: Timers;
  storage: KeyValueStore;
  state: Store<WidgetUiState>;
  /** Where to remember per visitor what was closed for good; null before boot. */
  memoryKey(): string | null;
  openMessenger(conversationId?: string): void;
  closeMessenger(): void;
  trackPageViews: boolean;
}

/** A CSAT prompt closed unanswered is not offered again (on this browser). */
const REMEMBERED: readonly ExperienceKind[] = ["csat"];
/** How long to wait for every list before arbitrating with the ones that answered. */
const FEEDS_WAIT_MS = 5_000;

const load = () => import("../loader");

export function createEngagementHost(deps: EngagementHostDeps): EngagementHost {
  const { win, gateway, storage, state } = deps;
  const layer = win.document.createElement("div");
  layer.className = "oc-overlays"; // base.ts gives it the .oc-root font and colours
  deps.shadow.prepend(layer); // before the messenger, which paints above

  const feeds = new Map<ExperienceKind, Entry[]>();
  const requested = new Set<string>();
  const closed = new Set<string>();
  const authoring = /opencom-(authoring|preview)=/.test(win.location.hash);
  let stage: Promise<Stage> | null = null;
  let stopAuthoring = () => {};
  let waitedForFeeds = false;
  let stopWaiting = () => {};
  let unwatch: Array<() => void> = [];
  let stopped = false;

  const resolves = (selector: string) => {
    try {
      return win.document.querySelector(selector) !== null;
    } catch {
      return false; // not a selector this browser understands
    }
  };
  const remembered = (): unknown[] => {
    const key = deps.memoryKey();
    const value = key === null ? null : readJson(storage, key);
    return Array.isArray(value) ? value : [];
  };

  const signals = watchPageSignals(win, deps.timers, (urlChanged) => {
    if (urlChanged) subscribe();
    evaluate();
  });

  function subscribe(): void {
    for (const stop of unwatch) stop();
    const url = signals.state().url.slice(0, 2048);
    for (const [kind] of FEEDS) if (kind !== "csat") feeds.delete(kind); // they answered for the old URL
    waitedForFeeds = false;
    stopWaiting();
    stopWaiting = deps.timers.timeout(() => {
      waitedForFeeds = true;
      evaluate();
    }, FEEDS_WAIT_MS);
    unwatch = FEEDS.map(([kind, query]) =>
      gateway.watch(query, kind === "csat" ? {} : { url }, (value) => received(kind, toEntries(kind, value))),
    );
    // Checklist URL tasks complete through page views; without them, report the URL itself.
    if (!deps.trackPageViews) gateway.mutate(backend.checklists.recordEvent, { url }).catch(() => {});
  }

  function received(kind: ExperienceKind, entries: Entry[]): void {
    feeds.set(kind, entries);
    for (const key of requested) {
      if (!key.startsWith(`${kind}:`) || entries.some((entry) => entry.key === key)) continue;
      requested.delete(key);
      logError(`there is no ${kind} with id "${key.slice(kind.length + 1)}" for this visitor on this page`);
    }
    evaluate();
  }

  function evaluate(): void {
    // Until every list has answered, a later one could hold something that should go first.
    if (stopped || (feeds.size < FEEDS.length && !waitedForFeeds)) return;
    const context = {
      page: signals.state(),
      resolves,
      requested,
      closed: new Set([...closed, ...remembered()] as string[]),
      automatic: !authoring && !state.get().open,
    };
    const all = [...feeds.values()].flat();
    const due = all.filter((entry) => isDueNow(entry, context));
    if (due.length === 0 && stage === null) return; // nothing to load yet
    stage ??= load().then((loader) =>
      loader.createStage({
        win,
        shadow: deps.shadow,
        layer,
        gateway,
        openMessenger: deps.openMessenger,
        locale: () => state.get().locale ?? "en",
        messengerOpen: () => state.get().open,
        closeMessenger: deps.closeMessenger,
        isRequested: (key) => requested.has(key),
        taken: (key) => requested.delete(key),
        closed(key, kind) {
          closed.add(key);
          const memory = deps.memoryKey();
          if (memory !== null && REMEMBERED.includes(kind)) storage.set(memory, JSON.stringify([...remembered(), key].slice(-50)));
          evaluate();
        },
      }),
    );
    stage.then((current) => stopped || current.sync(due, all)).catch((error: unknown) => logError("engagement failed", error));
  }

  // The side the launcher is on decides where corner cards go; cards beside the launcher
  // and modals hide while the messenger is open, and nothing new starts unasked meanwhile.
  const onState = ({ settings, open }: WidgetUiState) => {
    layer.dataset["side"] = settings?.launcherPosition ?? "right";
    if (layer.hasAttribute("data-messenger-open") !== open) void stage?.then((current) => stopped || current.arrange());
    layer.toggleAttribute("data-messenger-open", open);
    if (!open) evaluate();
  };
  onState(state.get());
  const stopState = state.subscribe(onState);
  subscribe();

  if (authoring) {
    load()
      .then((loader) => loader.startAuthoring({ win, shadow: deps.shadow, client: deps.client, container: layer, toEntries }))
      .then((stop) => (stopped ? stop() : (stopAuthoring = stop)))
      .catch((error: unknown) => logError("the authoring tools could not be loaded", error));
  }

  return {
    start(kind, id) {
      requested.add(`${kind}:${id}`);
      const entries = feeds.get(kind);
      if (entries) received(kind, entries); // reports an unknown id now if the list is known
    },
    availableTours: () => (feeds.get("tour") ?? []).map((entry) => tourSummary(entry, resolves)),
    noteEvent: (name) => signals.noteEvent(name),
    destroy() {
      stopped = true;
      stopState();
      for (const stop of unwatch) stop();
      signals.destroy();
      stopAuthoring();
      void stage?.then((current) => current.destroy());
      layer.remove();
    },
  };
}
