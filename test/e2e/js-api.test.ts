// window.OpencomWidget in Chromium: every method and event of docs/js-api.md, a custom
// launcher with a badge the page draws, and notifications across tabs (title flash, one
// chime, open state kept in step). Issue "Messenger tabs and the Intercom-class JS API".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { ALWAYS_OPEN, callWidget, hides, panel, quietEngagement, setMessenger, shows, tab } from "./support/messenger";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let browser: Browser;
let tourId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  ({ tourId } = await quietEngagement(stack));
  await setMessenger(stack, { officeHours: ALWAYS_OPEN });
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await stack?.close();
});

describe("the inline snippet, with the tag loaded last and slow", () => {
  it("takes calls made before the tag has loaded and replays them in order", async () => {
    const snippetOf = (file: string) => readFileSync(join(import.meta.dirname, file), "utf8").split("\n").map((line) => line.trim()).find((line) => line.startsWith("<script>window.OpencomWidget||"));
    expect(snippetOf("pages/inline-stub.html")).toBe(snippetOf("../../README.md"));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // The page's own inline calls run long before the widget's script arrives (1.5 s late).
    let widgetServedAt = 0;
    await page.route("**/widget.js", async (route) => {
      await new Promise((done) => setTimeout(done, 1_500));
      widgetServedAt = Date.now();
      await route.continue();
    });
    // Not waiting for `load`: that waits for the async tag and the boot chunks it preloads,
    // by when the widget may have run the queued calls already.
    await page.goto(`${stack.site.url}/inline-stub.html`, { waitUntil: "domcontentloaded" });
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await shows(page.getByRole("button", { name: "Close messenger" }), 20_000); // the queued open()
    await expect.poll(() => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen), { timeout: 10_000 }).toEqual(
      expect.arrayContaining(["ready", "open"]),
    );
    expect(widgetServedAt).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

type TestWindow = { __events: Array<{ name: string; payload: any }>; __testConfig: Record<string, string>; __beeps: number; __visibility: string };

/** Chime counter and a visibility the test controls (headless pages are always "visible"). */
function stubAudioAndVisibility() {
  const w = window as unknown as TestWindow & Record<string, unknown>;
  w.__beeps = 0;
  w.__visibility = "visible";
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => w.__visibility });
  Object.defineProperty(document, "hidden", { configurable: true, get: () => w.__visibility !== "visible" });
  const node = { connect: (next: unknown) => next };
  w["AudioContext"] = class {
    state = "running";
    currentTime = 0;
    destination = {};
    resume = () => Promise.resolve();
    close = () => Promise.resolve();
    createGain = () => ({ ...node, gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} } });
    createOscillator = () => ({ ...node, frequency: { value: 0 }, start: () => void (w.__beeps += 0.5), stop() {} });
  };
}

async function apiPage(context?: BrowserContext): Promise<Page> {
  const owner = context ?? (await browser.newContext({ viewport: { width: 1280, height: 800 } }));
  if (!context) contexts.push(owner);
  await owner.addInitScript(stubAudioAndVisibility);
  const page = await owner.newPage();
  await page.goto(`${stack.site.url}/api.html`);
  return page;
}

/** init() with the page's Convex URL and workspace plus `options`; waits for `ready`. */
async function init(page: Page, options: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate((extra) => {
    const w = window as unknown as TestWindow & { OpencomWidget: { init(config: unknown): void } };
    w.OpencomWidget.init({ ...w.__testConfig, ...extra });
  }, options);
  await expect.poll(() => events(page, "ready"), { timeout: 10_000 }).toHaveLength(1);
}

const events = (page: Page, name: string) =>
  page.evaluate((wanted) => (window as unknown as TestWindow).__events.filter((event) => event.name === wanted).map((event) => event.payload), name);

async function sendFromComposer(page: Page, text: string): Promise<string> {
  await callWidget(page, "showNewMessage", text);
  await shows(page.getByRole("textbox", { name: "Message" }));
  await page.getByRole("button", { name: "Send", exact: true }).click();
  return (await stack.agent.conversationWith(text)).id;
}

async function setVisibility(page: Page, visibility: "visible" | "hidden"): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as TestWindow).__visibility = value;
    document.dispatchEvent(new Event("visibilitychange"));
  }, visibility);
}

describe("custom launcher", () => {
  it("hides the default launcher, opens from any matching element (added later too), and the page draws the badge", async () => {
    const page = await apiPage();
    await init(page, { hideDefaultLauncher: true, customLauncherSelector: "#my-button, .later-launcher" });
    expect(await page.getByRole("button", { name: "Open messenger" }).count()).toBe(0);

    await page.locator("#my-button").click();
    await shows(panel(page));
    // Focus moves into the messenger (then Escape closes it from there).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("OPENCOM-WIDGET");
    await page.keyboard.press("Escape");
    await hides(panel(page));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("my-button"); // focus goes back to the page's launcher

    await page.evaluate(() => {
      const later = Object.assign(document.createElement("a"), { className: "later-launcher", href: "#", textContent: "Chat with us" });
      document.getElementById("later")!.append(later);
    });
    await page.getByRole("link", { name: "Chat with us" }).click();
    await shows(panel(page));
    expect(page.url()).not.toContain("#"); // the link's default action was prevented
    await page.getByRole("link", { name: "Chat with us" }).click();
    await hides(panel(page));

    const conversationId = await sendFromComposer(page, "Draw me a badge");
    await callWidget(page, "close");
    await stack.agent.reply(conversationId, "Here is your badge");
    await expect.poll(() => page.locator("#my-badge").innerText(), { timeout: 10_000 }).toBe("1");
    const received = await events(page, "messageReceived");
    expect(received.at(-1)).toMatchObject({ unreadCount: 1, message: { conversationId, body: "Here is your badge", senderType: "agent" } });
    expect((await events(page, "unreadCountChange")).at(-1)).toEqual({ unreadCount: 1 });

    // Reopened on the conversation, the reply is read: the count drops and the page's badge goes.
    await page.locator("#my-button").click();
    await shows(page.getByRole("log").getByText("Here is your badge"));
    await expect.poll(() => page.locator("#my-badge").isVisible(), { timeout: 10_000 }).toBe(false);
    expect((await events(page, "unreadCountChange")).at(-1)).toEqual({ unreadCount: 0 });
  });
});

describe("methods and events", () => {
  it("open, close, toggle, showMessages, showNewMessage, showArticle, setLocale, getVisitorId, on/off", async () => {
    const page = await apiPage();
    await init(page);
    const [ready] = await events(page, "ready");
    expect(await callWidget(page, "getVisitorId")).toBe(ready.visitorId);

    await callWidget(page, "open");
    await shows(panel(page));
    await callWidget(page, "close");
    await hides(panel(page));
    await callWidget(page, "toggle");
    await shows(panel(page));
    await callWidget(page, "toggle");
    await hides(panel(page));
    expect((await page.evaluate(() => (window as unknown as TestWindow).__events.map((event) => event.name))).filter((n) => n === "open" || n === "close")).toEqual([
      "open",
      "close",
      "open",
      "close",
    ]);

    await callWidget(page, "showMessages");
    await expect.poll(() => tab(page, "Messages").getAttribute("aria-selected")).toBe("true");
    await shows(page.getByRole("heading", { name: "Your conversations" }));

    await callWidget(page, "showNewMessage", "Prefilled question");
    await expect.poll(() => page.getByRole("textbox", { name: "Message" }).inputValue()).toBe("Prefilled question");

    const { data: articles } = await stack.agent.request<{ data: Array<{ id: string; title: string }> }>("GET", "/articles?status=published");
    const plan = articles.find((article) => article.title === "Change your plan")!;
    await callWidget(page, "showArticle", plan.id);
    await shows(page.getByRole("article", { name: "Change your plan" }));
    await expect.poll(() => tab(page, "Help").getAttribute("aria-selected")).toBe("true");

    await callWidget(page, "setLocale", "fr");
    await shows(tab(page, "Aide"));
    await shows(page.getByRole("button", { name: "Fermer la messagerie" }));
    await callWidget(page, "setLocale", "de-AT");
    await shows(tab(page, "Hilfe"));
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await callWidget(page, "setLocale", "tlh");
    await expect.poll(() => errors).toContain('[OpencomWidget] setLocale(): "tlh" is not supported; use one of en, fr, de, es, ar');
    await callWidget(page, "setLocale", "en");
    await shows(tab(page, "Help"));

    const offCalls = await page.evaluate(() => {
      const api = (window as unknown as { OpencomWidget: { on(e: string, f: () => void): void; off(e: string, f: () => void): void; close(): void; open(): void } }).OpencomWidget;
      let calls = 0;
      const listener = () => void calls++;
      api.on("close", listener);
      api.close();
      api.off("close", listener);
      api.open();
      api.close();
      return calls;
    });
    expect(offCalls).toBe(1);
  });

  it("identify, trackEvent, getAvailableTours, startTour, startChecklist, startSurvey and destroy", async () => {
    const page = await apiPage();
    await setMessenger(stack, {
      tabs: [
        { id: "home", enabled: true, visibleTo: "all" },
        { id: "messages", enabled: true, visibleTo: "all" },
        { id: "tickets", enabled: true, visibleTo: "users" },
      ],
    });
    try {
      await init(page);
      await callWidget(page, "open");
      await shows(tab(page, "Home"));
      expect(await tab(page, "Tickets").count()).toBe(0);
      await callWidget(page, "identify", { userId: "api-user-1", email: "api@example.com" });
      await shows(tab(page, "Tickets")); // a tab for users appears once the visitor is known
      await callWidget(page, "close");
    } finally {
      await setMessenger(stack, {
        tabs: ["home", "messages", "help", "tours", "tasks", "tickets"].map((id) => ({ id, enabled: true, visibleTo: "all" })),
      });
    }

    // `const tours = OpencomWidget.getAvailableTours()`: an array, not a promise.
    expect(await page.evaluate(() => Array.isArray((window as unknown as { OpencomWidget: { getAvailableTours(): unknown } }).OpencomWidget.getAvailableTours()))).toBe(true);
    await expect.poll(async () => ((await callWidget(page, "getAvailableTours")) as Array<{ name: string }>).map((tour) => tour.name), { timeout: 10_000 }).toContain("Reports tour");
    const checklists = await stack.agent.request<{ data: Array<{ id: string; name: string }> }>("GET", "/checklists?status=active");
    const checklist = checklists.data.find((item) => item.name === "Get started")!;
    // A checklist may open unasked on a first visit and, blocking, hold the tour back: pause it meanwhile.
    await stack.agent.request("PATCH", `/checklists/${checklist.id}`, { status: "draft" });
    try {
      await callWidget(page, "startTour", tourId);
      const tour = page.getByRole("dialog", { name: "Your reports" });
      await shows(tour);
      // Escape goes to what has focus: wait until the tour has taken it (slow on a loaded machine).
      await expect.poll(() => tour.evaluate((element) => element.contains((element.getRootNode() as Document | ShadowRoot).activeElement))).toBe(true);
      await page.keyboard.press("Escape");
      await hides(page.getByRole("dialog", { name: "Your reports" }));
    } finally {
      await stack.agent.request("PATCH", `/checklists/${checklist.id}`, { status: "active" });
    }

    await callWidget(page, "trackEvent", "report_exported");
    // The live list has to bring the checklist back first; until then the id is unknown.
    await expect
      .poll(async () => {
        await callWidget(page, "startChecklist", checklist.id);
        return page.getByRole("dialog", { name: /Get started/ }).isVisible();
      }, { timeout: 10_000, interval: 500 })
      .toBe(true);
    const visitorId = (await callWidget(page, "getVisitorId")) as string;
    type Progress = { data: { checklists: Array<{ checklistId: string; completedTaskIds: string[] }> } };
    await expect
      .poll(async () => (await stack.agent.request<Progress>("GET", `/visitors/${visitorId}/progress`)).data.checklists.flatMap((c) => c.completedTaskIds))
      .toContain("export-report");
    await page.getByRole("dialog", { name: /Get started/ }).getByRole("button", { name: "Close checklist" }).click();

    const { data: survey } = await stack.agent.request<{ data: { id: string } }>("POST", "/surveys", {
      name: "API survey",
      status: "active",
      format: "small",
      trigger: { type: "event", name: "never_tracked" },
      questions: [{ id: "q", type: "rating", title: "How are we doing?", required: true }],
    });
    await expect
      .poll(async () => {
        await callWidget(page, "startSurvey", survey.id);
        return page.getByText("How are we doing?").isVisible();
      }, { timeout: 10_000, interval: 500 })
      .toBe(true);

    await callWidget(page, "destroy");
    await expect.poll(() => page.locator("opencom-widget").count()).toBe(0);
    expect(await callWidget(page, "getVisitorId")).toBeNull();
  });

  it("reports errors through the error event and the console, never by throwing", async () => {
    const page = await apiPage();
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.evaluate(() => {
      const w = window as unknown as TestWindow & { OpencomWidget: { init(config: unknown): void } };
      w.OpencomWidget.init({ ...w.__testConfig, workspaceId: "no-such-workspace" });
    });
    await expect.poll(() => events(page, "error"), { timeout: 10_000 }).toEqual([{ code: "NOT_FOUND", message: "Unknown workspace." }]);
    expect(errors.some((line) => line.startsWith("[OpencomWidget] the widget is disabled"))).toBe(true);
    const thrown = await page.evaluate(() => {
      const api = (window as unknown as { OpencomWidget: Record<string, (...args: unknown[]) => unknown> }).OpencomWidget;
      try {
        api["showArticle"]!(42);
        api["on"]!("nope", () => {});
        api["setLocale"]!(null);
        return null;
      } catch (error) {
        return String(error);
      }
    });
    expect(thrown).toBeNull();
  });
});

describe("notifications across tabs", () => {
  it("keeps the open state in step, flashes hidden tabs' titles and plays one chime", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const first = await apiPage(context);
    const second = await apiPage(context);
    await Promise.all([init(first, { sound: true }), init(second, { sound: true })]);
    // Browsers allow audio only after a gesture: the visitor clicks each page once.
    await first.mouse.click(5, 5);
    await second.mouse.click(5, 5);

    await callWidget(first, "open");
    await shows(panel(second));
    await callWidget(first, "close");
    await hides(panel(second));

    const conversationId = await sendFromComposer(first, "Ping both tabs");
    await callWidget(first, "close");
    await hides(panel(second));
    await setVisibility(first, "hidden");
    await setVisibility(second, "hidden");
    await stack.agent.reply(conversationId, "Pong");
    await expect.poll(() => first.title(), { timeout: 10_000 }).toMatch(/^\(1\) New message$|^Acme with its own help button$/);
    await expect.poll(async () => [await first.title(), await second.title()].some((title) => title === "(1) New message"), { timeout: 5_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 800)); // the claim window, and then some
    const beeps = await Promise.all([first, second].map((page) => page.evaluate(() => (window as unknown as TestWindow).__beeps)));
    expect(beeps[0]! + beeps[1]!).toBe(1);

    await setVisibility(first, "visible");
    await expect.poll(() => first.title()).toBe("Acme with its own help button");
  });
});
