import { heldBack, isModal, pickNext, slotOf, type ExperienceKind } from "../engine/arbitration";
import { isRtl, type Locale } from "../i18n/locales";
import { loadOverlayStrings } from "../i18n/overlays/load";
import type { Gateway } from "../runtime/gateway";
import { logError } from "../sdk/log";
import type { Entry } from "./host/feeds";
import type { OverlayContext, OverlayHandle, OverlayModule } from "./types";

/*
 * What is on screen. The host (runtime.js) decides what is due; the stage, loaded the
 * first time anything is, lets src/engine/arbitration.ts pick what may show next to what
 * already shows, mounts each in its own element, and tells the host when one closes.
 */

const chunks: Record<ExperienceKind, () => Promise<OverlayModule>> = {
  tour: () => import("./tour/index"),
  tooltip: () => import("./tooltip/index"),
  outbound: () => import("./outbound/index"),
  survey: () => import("./survey/index"),
  checklist: () => import("./checklist/index"),
  csat: () => import("./csat/index"),
};

export type StageDeps = {
  win: Window & typeof globalThis;
  shadow: ShadowRoot;
  /** The overlay layer in the shadow root. */
  layer: HTMLElement;
  gateway: Gateway;
  openMessenger(conversationId?: string): void;
  /** The visitor's language now: overlays show in it (Arabic right to left). */
  locale(): Locale;
  /** Whether the messenger is open now. */
  messengerOpen(): boolean;
  /** Closes the messenger: a modal asked for through the API takes the screen. */
  closeMessenger(): void;
  /** Whether an entry was asked for through the API (startTour…) and has not shown yet. */
  isRequested(key: string): boolean;
  /** An entry starts showing: returns whether it was asked for through the API. */
  taken(key: string): boolean;
  /** An entry closed. */
  closed(key: string, kind: ExperienceKind): void;
};

export interface Stage {
  /** What is due now, and every entry the live queries know (for updates of what shows). */
  sync(due: readonly Entry[], all: readonly Entry[]): void;
  /** Hides what must wait behind a modal or the messenger, shows the rest (after the messenger opened or closed). */
  arrange(): void;
  destroy(): void;
}

type Shown = { entry: Entry; container: HTMLElement; handle?: OverlayHandle };

export function createStage(deps: StageDeps): Stage {
  const shown = new Map<string, Shown>();
  let destroyed = false;

  function show(entry: Entry): void {
    const container = deps.win.document.createElement("div");
    container.dataset["kind"] = entry.kind;
    container.dataset["slot"] = slotOf(entry);
    if (isModal(entry)) container.dataset["modal"] = "";
    const locale = deps.locale();
    container.lang = locale;
    container.dir = isRtl(locale) ? "rtl" : "ltr";
    deps.layer.append(container);
    const item: Shown = { entry, container };
    shown.set(entry.key, item);
    const requested = deps.taken(entry.key);
    Promise.all([chunks[entry.kind](), loadOverlayStrings(locale)])
      .then(([module, strings]) => {
        if (shown.get(entry.key) !== item) return;
        const context: OverlayContext = {
          win: deps.win,
          shadow: deps.shadow,
          container,
          kind: entry.kind,
          strings,
          item: entry.raw,
          requested,
          mutate: (mutation, args) => deps.gateway.mutate(mutation, args),
          close: () => finish(entry.key),
          openMessenger: deps.openMessenger,
        };
        const handle = module.mount(context);
        if (shown.get(entry.key) === item) item.handle = handle;
        else handle.destroy(); // it closed itself while mounting
      })
      .catch((error: unknown) => {
        logError(`the ${entry.kind} could not be shown`, error);
        finish(entry.key);
      });
  }

  function finish(key: string): void {
    const item = shown.get(key);
    if (!item || destroyed) return;
    shown.delete(key);
    try {
      item.handle?.destroy();
    } catch (error) {
      logError(`the ${item.entry.kind} failed while closing`, error);
    }
    item.container.remove();
    deps.closed(key, item.entry.kind); // the host evaluates again: the next one may show
    arrange();
  }

  function arrange(): void {
    const items = [...shown.values()];
    const held = new Set(heldBack(items.map((item) => item.entry), deps.messengerOpen()));
    for (const item of items) item.container.hidden = held.has(item.entry);
  }

  return {
    sync(due, all) {
      for (const entry of all) {
        const current = shown.get(entry.key);
        if (!current || current.entry.raw === entry.raw) continue;
        current.entry = entry;
        current.handle?.update(entry.raw);
      }
      const showing = [...shown.values()].map((item) => item.entry);
      // What the page asked for goes first within its kind; kinds keep their order.
      const ranked = due.map((entry) => (deps.isRequested(entry.key) ? { ...entry, priority: Infinity } : entry));
      const next = pickNext(ranked, showing);
      // Only what the page asked for starts while the messenger is open; a modal takes the screen from it.
      if (next.some(isModal) && deps.messengerOpen()) deps.closeMessenger();
      for (const entry of next) show(entry);
      arrange();
    },
    arrange,
    destroy() {
      destroyed = true;
      for (const item of shown.values()) {
        item.handle?.destroy();
        item.container.remove();
      }
      shown.clear();
    },
  };
}
