import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeClient } from "../helpers/fake-client";
import { BOOT_SETTINGS, destroyWidgets, launcher, shadow, startWidget, until } from "../helpers/widget";

afterEach(() => {
  vi.restoreAllMocks();
  destroyWidgets();
  document.body.replaceChildren();
});

const TABS = [
  { id: "home", enabled: true, visibleTo: "all" },
  { id: "messages", enabled: true, visibleTo: "all" },
  { id: "help", enabled: true, visibleTo: "all" },
  { id: "tickets", enabled: true, visibleTo: "users" },
];

function clientWith(settings: Record<string, unknown>) {
  return new FakeClient().on("widgetSessions:boot", () => ({
    sessionToken: "wst_1",
    expiresAt: Date.now() + 3_600_000,
    visitorId: "visitor-1",
    settings: { ...BOOT_SETTINGS, tabs: TABS, ...settings },
  }));
}

const tabs = () => [...shadow().querySelectorAll<HTMLElement>("[role=tab]")];
const selected = () => tabs().find((tab) => tab.getAttribute("aria-selected") === "true")?.textContent;

async function open(client: FakeClient) {
  const widget = startWidget({ client });
  await until(() => !shadow().querySelector(".oc-root")!.hasAttribute("hidden"));
  launcher().click();
  await until(() => tabs().length > 0);
  return widget;
}

describe("messenger tabs", () => {
  it("shows the visible tabs as role=tab in a tablist, opening on Home", async () => {
    const client = clientWith({});
    await open(client);
    expect(shadow().querySelector("[role=tablist]")?.getAttribute("aria-label")).toBe("Messenger sections");
    expect(tabs().map((tab) => tab.textContent)).toEqual(["Home", "Messages", "Help"]);
    expect(selected()).toBe("Home");
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    const panel = shadow().querySelector("[role=tabpanel]")!;
    expect(panel.getAttribute("aria-labelledby")).toBe(tabs()[0]?.id);
  });

  it("moves with the arrow keys (roving focus) and shows users' tabs once the visitor is known", async () => {
    const client = clientWith({});
    await open(client);
    tabs()[0]!.focus();
    tabs()[0]!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    await until(() => selected() === "Messages");
    expect(shadow().activeElement?.textContent).toBe("Messages");
    tabs()[1]!.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
    await until(() => selected() === "Help");

    client.active("messenger:visitorState")[0]?.onValue({ identified: true, hasEmail: true, emailPrompted: false });
    await until(() => tabs().length === 4);
    expect(tabs().at(-1)?.textContent).toBe("Tickets");
  });

  it("opens on the workspace's default tab, and showArticle switches to Help", async () => {
    const client = clientWith({ defaultTab: "messages" });
    const { instance } = await open(client);
    expect(selected()).toBe("Messages");
    instance.showArticle("article-1");
    await until(() => selected() === "Help");
    await until(() => client.active("articles:get").length === 1);
    expect(client.active("articles:get")[0]?.args).toMatchObject({ articleId: "article-1" });
  });

  it("says an article given to showArticle does not exist (no 'Try again'), and logs it", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const client = clientWith({});
    const { instance } = await open(client);
    instance.showArticle("bogus-id");
    await until(() => client.active("articles:get").length === 1);
    const notFound = Object.assign(new Error("Article not found."), { data: { code: "NOT_FOUND", message: "Article not found.", field: "articleId" } });
    client.active("articles:get")[0]?.onError?.(notFound);
    await until(() => shadow().querySelector("[role=alert]")?.textContent === "This article does not exist, or is no longer published.");
    expect([...shadow().querySelectorAll("button")].some((button) => button.textContent === "Try again")).toBe(false);
    expect(error).toHaveBeenCalledWith('[OpencomWidget] there is no published article with id "bogus-id"');
  });

  it("has no tab bar when Messages is the only tab", async () => {
    const client = clientWith({ tabs: [{ id: "messages", enabled: true, visibleTo: "all" }] });
    startWidget({ client });
    await until(() => !shadow().querySelector(".oc-root")!.hasAttribute("hidden"));
    launcher().click();
    await until(() => shadow().querySelector("[role=dialog]"));
    expect(tabs()).toHaveLength(0);
    expect(shadow().querySelector("[role=tabpanel]")).toBeNull();
  });

  it("switches language and direction with setLocale, launcher included", async () => {
    const client = clientWith({});
    const { instance } = await open(client);
    expect(instance.setLocale("ar")).toBe(true);
    const root = shadow().querySelector<HTMLElement>(".oc-root")!;
    expect(root.dir).toBe("rtl");
    expect(root.lang).toBe("ar");
    await until(() => selected() === "الرئيسية");
    await until(() => launcher().getAttribute("aria-label") === "إغلاق المحادثة");
    expect(instance.setLocale("xx")).toBe(false);
    expect(root.lang).toBe("ar");
  });
});
