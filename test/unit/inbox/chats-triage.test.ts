import { describe, expect, it } from "vitest";
import { checkSnoozeUntil, nextWakeAt, SNOOZE_MAX_MS, SNOOZE_WAKE_MAX_WAIT_MS } from "../../../convex/lib/snooze";
import { deviceLabel, isOnline, ONLINE_WINDOW_MS, onlineCount } from "../../../inbox/src/chats/presence";
import { shortcutFor, SHORTCUTS } from "../../../inbox/src/chats/shortcuts";
import { isSnoozePreset, snoozeUntil } from "../../../inbox/src/chats/snooze";
import { setSoundEnabled, soundEnabled } from "../../../inbox/src/chats/sound";

const NOW = new Date(2026, 11, 3, 14, 30).getTime(); // a Thursday, 14:30 local time

describe("presence", () => {
  it("is online while the last heartbeat is recent, judged on the page's clock", () => {
    expect(isOnline(NOW - 60_000, NOW)).toBe(true);
    expect(isOnline(NOW - ONLINE_WINDOW_MS + 1, NOW)).toBe(true);
    expect(isOnline(NOW - ONLINE_WINDOW_MS, NOW)).toBe(false);
    expect(isOnline(null, NOW)).toBe(false);
    expect(onlineCount([{ visitorLastSeenAt: NOW }, { visitorLastSeenAt: NOW - 10 * 60_000 }, { visitorLastSeenAt: null }], NOW)).toBe(1);
  });

  it("describes the device as the widget reported it", () => {
    expect(deviceLabel({ browser: "Firefox", os: "Linux", deviceType: "desktop" })).toBe("Firefox on Linux (desktop)");
    expect(deviceLabel(null)).toBeNull();
  });
});

describe("snooze presets", () => {
  it("count hours from now, and land on 09:00 local tomorrow or next Monday", () => {
    expect(snoozeUntil("1h", NOW)).toBe(NOW + 3600_000);
    expect(snoozeUntil("4h", NOW)).toBe(NOW + 4 * 3600_000);
    expect(new Date(snoozeUntil("tomorrow", NOW))).toEqual(new Date(2026, 11, 4, 9, 0));
    expect(new Date(snoozeUntil("monday", NOW))).toEqual(new Date(2026, 11, 7, 9, 0));
    // On a Monday, "next Monday" is a week ahead, not today.
    expect(new Date(snoozeUntil("monday", new Date(2026, 11, 7, 8, 0).getTime()))).toEqual(new Date(2026, 11, 14, 9, 0));
    expect(isSnoozePreset("tomorrow")).toBe(true);
    expect(isSnoozePreset("")).toBe(false);
  });

  it("are checked on the server: in the future, whole, at most a year; long ones wake in steps", () => {
    expect(checkSnoozeUntil(NOW + 1, NOW)).toBe(NOW + 1);
    expect(() => checkSnoozeUntil(NOW, NOW)).toThrow(/future/);
    expect(() => checkSnoozeUntil(NOW + 0.5, NOW)).toThrow(/whole/);
    expect(() => checkSnoozeUntil(NOW + SNOOZE_MAX_MS + 1, NOW)).toThrow(/a year/);
    expect(nextWakeAt(NOW + 3600_000, NOW)).toBe(NOW + 3600_000);
    expect(nextWakeAt(NOW + 30 * 24 * 3600_000, NOW)).toBe(NOW + SNOOZE_WAKE_MAX_WAIT_MS);
  });
});

describe("the new-message sound setting", () => {
  it("is off until turned on, and remembered in the given storage", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value), removeItem: (key: string) => void store.delete(key) };
    expect(soundEnabled(storage)).toBe(false);
    setSoundEnabled(true, storage);
    expect(soundEnabled(storage)).toBe(true);
    setSoundEnabled(false, storage);
    expect(soundEnabled(storage)).toBe(false);
    const broken = { getItem: () => { throw new Error("denied"); } };
    expect(soundEnabled(broken)).toBe(false);
  });
});

describe("keyboard shortcuts", () => {
  it("cover moving, replying, assigning, team, snoozing, closing and help, each key once", () => {
    const press = (key: string) => shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, target: null });
    expect(["j", "k", "r", "a", "m", "t", "s", "c", "e", "?"].map(press)).toEqual(["next", "previous", "reply", "assign", "assignee", "team", "snooze", "toggleStatus", "state", "help"]);
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.key)).size).toBe(SHORTCUTS.length);
  });
});
