import { afterEach, describe, expect, it, vi } from "vitest";
import { startNotifications } from "../../../src/messenger/notify/notifications";
import { shouldPlaySound } from "../../../src/messenger/notify/sound-election";
import { CLAIM_WINDOW_MS, startTabSync } from "../../../src/messenger/notify/tab-sync";
import { createTitleFlasher } from "../../../src/messenger/notify/title-flash";
import { ENGLISH_LAUNCHER } from "../../../src/i18n/launcher";
import { createStore } from "../../../src/runtime/store";
import type { WidgetUiState } from "../../../src/runtime/ui-state";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.title = "";
});

/** An in-memory BroadcastChannel: every instance of a name hears the others (not itself). */
function fakeChannels() {
  const channels = new Set<{ name: string; onmessage: ((event: MessageEvent) => void) | null; closed: boolean }>();
  class FakeChannel {
    onmessage: ((event: MessageEvent) => void) | null = null;
    closed = false;
    constructor(readonly name: string) {
      channels.add(this);
    }
    postMessage(data: unknown) {
      for (const other of channels) {
        if (other !== this && other.name === this.name && !other.closed) {
          queueMicrotask(() => other.onmessage?.({ data } as MessageEvent));
        }
      }
    }
    close() {
      this.closed = true;
    }
  }
  return FakeChannel as unknown as typeof BroadcastChannel;
}

/** A window whose visibility the test sets, sharing `channel` with others. */
function tab(channel: typeof BroadcastChannel, visible: boolean) {
  const doc = { visibilityState: visible ? "visible" : "hidden" } as Document;
  return { win: { BroadcastChannel: channel, document: doc } as unknown as Window & typeof globalThis, doc };
}

describe("sound election", () => {
  it("no sound while any tab is visible; otherwise only the smallest id plays", () => {
    expect(shouldPlaySound("b", [{ id: "b", visible: false }, { id: "c", visible: false }])).toBe(true);
    expect(shouldPlaySound("c", [{ id: "b", visible: false }, { id: "c", visible: false }])).toBe(false);
    expect(shouldPlaySound("a", [{ id: "a", visible: false }, { id: "z", visible: true }])).toBe(false);
    expect(shouldPlaySound("a", [{ id: "a", visible: true }])).toBe(false);
  });

  it("across real tab syncs, exactly one hidden tab plays; a visible tab vetoes", async () => {
    vi.useFakeTimers();
    const channel = fakeChannels();
    const hidden = [tab(channel, false), tab(channel, false), tab(channel, false)];
    const syncs = hidden.map(({ win }) => startTabSync(win, "opencom:demo", () => {}));
    const votes = Promise.all(syncs.map((sync) => sync.electSoundPlayer()));
    await vi.advanceTimersByTimeAsync(CLAIM_WINDOW_MS + 1);
    expect((await votes).filter(Boolean)).toHaveLength(1);

    const visible = startTabSync(tab(channel, true).win, "opencom:demo", () => {});
    const withVisible = Promise.all([...syncs, visible].map((sync) => sync.electSoundPlayer()));
    await vi.advanceTimersByTimeAsync(CLAIM_WINDOW_MS + 1);
    expect((await withVisible).filter(Boolean)).toHaveLength(0);
  });

  it("carries open and close to the other tabs", async () => {
    const channel = fakeChannels();
    const opened: boolean[] = [];
    const a = startTabSync(tab(channel, true).win, "opencom:demo", () => {});
    startTabSync(tab(channel, false).win, "opencom:demo", (open) => opened.push(open));
    startTabSync(tab(channel, false).win, "opencom:other", () => opened.push(false));
    a.announceOpen(true);
    a.announceOpen(false);
    await Promise.resolve();
    expect(opened).toEqual([true, false]);
  });
});

describe("title flash", () => {
  it("alternates the page title with the message and restores the page's (latest) title", () => {
    vi.useFakeTimers();
    document.title = "Acme";
    const flasher = createTitleFlasher(document);
    flasher.start("(1) New message");
    expect(document.title).toBe("(1) New message");
    vi.advanceTimersByTime(1000);
    expect(document.title).toBe("Acme");
    document.title = "Acme — Reports"; // the page retitles itself meanwhile
    vi.advanceTimersByTime(1000);
    expect(document.title).toBe("(1) New message");
    flasher.stop();
    expect(document.title).toBe("Acme — Reports");
    expect(flasher.flashing).toBe(false);
  });
});

describe("notifications", () => {
  it("flash the title while the page is hidden and stop once the messages are read", () => {
    vi.useFakeTimers();
    vi.spyOn(document, "hidden", "get").mockReturnValue(true);
    document.title = "Shop";
    const state = createStore<WidgetUiState>({ open: false, settings: null, unread: 0, connection: "online", ready: true, intent: null });
    const stop = startNotifications(window, state, { workspaceId: "demo", sound: false, setOpen: () => {}, strings: () => ENGLISH_LAUNCHER });
    state.set({ unread: 2 });
    expect(document.title).toBe("(2) New messages");
    state.set({ unread: 0 });
    expect(document.title).toBe("Shop");
    stop();
  });
});
