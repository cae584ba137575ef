import { describe, expect, it } from "vitest";
import { defaultTab, tabAfterKey, visibleTabs } from "../../../src/messenger/tabs";

const ALL = [
  { id: "home", enabled: true, visibleTo: "all" },
  { id: "messages", enabled: true, visibleTo: "all" },
  { id: "help", enabled: true, visibleTo: "all" },
  { id: "tours", enabled: true, visibleTo: "visitors" },
  { id: "tasks", enabled: false, visibleTo: "all" },
  { id: "tickets", enabled: true, visibleTo: "users" },
];

describe("visibleTabs", () => {
  it("keeps enabled tabs whose audience includes the visitor, in the workspace's order", () => {
    expect(visibleTabs(ALL, false)).toEqual(["home", "messages", "help", "tours"]);
    expect(visibleTabs(ALL, true)).toEqual(["home", "messages", "help", "tickets"]);
  });

  it("always shows Messages, to everyone, even when disabled or missing", () => {
    expect(visibleTabs([{ id: "messages", enabled: false, visibleTo: "users" }], false)).toEqual(["messages"]);
    expect(visibleTabs([{ id: "help", enabled: true }], false)).toEqual(["messages", "help"]);
    expect(visibleTabs([], true)).toEqual(["messages"]);
  });

  it("shows Home only when enabled, and ignores unknown ids and repeats", () => {
    expect(visibleTabs([{ id: "home", enabled: false }, { id: "messages", enabled: true }], false)).toEqual(["messages"]);
    expect(visibleTabs([{ id: "news", enabled: true }, { id: "help", enabled: true }, { id: "help", enabled: false }], false)).toEqual([
      "messages",
      "help",
    ]);
    expect(visibleTabs([{ id: "help", enabled: true, visibleTo: "nobody" }], false)).toEqual(["messages", "help"]);
  });
});

describe("defaultTab", () => {
  it("prefers the workspace's default, then Home, then the first visible tab, then Messages", () => {
    expect(defaultTab(["home", "messages", "help"], "help")).toBe("help");
    expect(defaultTab(["home", "messages", "help"], null)).toBe("home");
    expect(defaultTab(["messages", "help"], "tickets")).toBe("messages");
    expect(defaultTab(["help", "messages"], null)).toBe("help");
    expect(defaultTab([], "home")).toBe("messages");
    expect(defaultTab(["messages"], "bogus")).toBe("messages");
  });
});

describe("tabAfterKey", () => {
  const tabs = ["home", "messages", "help"] as const;
  it("moves with the arrows, wrapping, and jumps with Home/End", () => {
    expect(tabAfterKey(tabs, "home", "ArrowRight", false)).toBe("messages");
    expect(tabAfterKey(tabs, "help", "ArrowRight", false)).toBe("home");
    expect(tabAfterKey(tabs, "home", "ArrowLeft", false)).toBe("help");
    expect(tabAfterKey(tabs, "messages", "End", false)).toBe("help");
    expect(tabAfterKey(tabs, "help", "Home", false)).toBe("home");
    expect(tabAfterKey(tabs, "home", "Enter", false)).toBeNull();
  });

  it("mirrors the arrows right to left", () => {
    expect(tabAfterKey(tabs, "home", "ArrowLeft", true)).toBe("messages");
    expect(tabAfterKey(tabs, "home", "ArrowRight", true)).toBe("help");
  });
});
