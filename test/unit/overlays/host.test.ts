import { afterEach, describe, expect, it, vi } from "vitest";
import type { WidgetUiState } from "../../../src/runtime/ui-state";
import { createEngagementHost, type EngagementHost } from "../../../src/overlays/host/host";
import type { Locale } from "../../../src/i18n/locales";
import { memoryStore } from "../../../src/runtime/storage";
import { createStore } from "../../../src/runtime/store";
import { createTimers } from "../../../src/runtime/timers";
import { FakeClient } from "../helpers/fake-client";
import { until } from "../helpers/widget";
import { buttonNamed, fakeGateway, shadowHost } from "./helpers";

const hosts: EngagementHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.destroy();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const SETTINGS = { launcherPosition: "right" } as unknown as WidgetUiState["settings"];

function start(options: { open?: boolean; storage?: ReturnType<typeof memoryStore>; locale?: Locale } = {}) {
  const fake = fakeGateway();
  const { shadow } = shadowHost();
  const state = createStore<WidgetUiState>({ open: options.open ?? false, settings: SETTINGS, unread: 0, connection: "online", ready: true, intent: null, ...(options.locale ? { locale: options.locale } : {}) });
  const storage = options.storage ?? memoryStore();
  const host = createEngagementHost({
    win: window as Window & typeof globalThis,
    shadow,
    gateway: fake.gateway,
    client: new FakeClient(),
    timers: createTimers(),
    storage,
    state,
    memoryKey: () => "opencom:demo:v1:overlays",
    openMessenger: vi.fn(),
    closeMessenger: () => state.set({ open: false }),
    trackPageViews: true,
  });
  hosts.push(host);
  const dialogs = () => [...shadow.querySelectorAll<HTMLElement>('[role="dialog"]')];
  /** The overlays a visitor sees: dialogs and banners outside any held-back (hidden) container. */
  const visible = () =>
    [...shadow.querySelectorAll<HTMLElement>('[role="dialog"],[role="region"]')]
      .filter((element) => !element.closest("[hidden]"))
      .map((element) => element.getAttribute("aria-label") ?? shadow.getElementById(element.getAttribute("aria-labelledby") ?? "")?.textContent);
  const names = () => dialogs().map((d) => d.getAttribute("aria-label") ?? shadow.getElementById(d.getAttribute("aria-labelledby") ?? "")?.textContent);
  /** Answers every list: empty unless given. */
  const feedAll = (lists: Record<string, unknown[]> = {}) => {
    for (const name of [...fake.watches.keys()]) fake.feed(name, lists[name] ?? []);
  };
  return { ...fake, feedAll, shadow, state, storage, host, dialogs, names, visible };
}

const pageLoad = { type: "page_load" };
const tour = { id: "t1", name: "Tour", description: null, status: "new", dismissed: false, stepIndex: 0, autoStart: true, priority: 0, trigger: pageLoad, steps: [{ kind: "modal", title: "A tour", body: "Hi" }] };
const post = { id: "o1", name: "Post", type: "post", title: "A post", body: "News", senderName: null, buttons: [], bannerPosition: "top", dismissible: true, trigger: pageLoad, priority: 0 };
const survey = { id: "s1", name: "Survey", format: "large", intro: null, thankYou: null, trigger: pageLoad, priority: 0, questions: [{ id: "q", type: "rating", title: "A survey", required: false }] };
const checklist = { id: "c1", name: "A checklist", description: null, tasks: [{ id: "x", title: "X", description: null, completion: { type: "manual" }, completed: false }], completedTaskIds: [], done: 0, total: 1, completed: false, completedAt: null, priority: 0 };

describe("the engagement host", () => {
  it("subscribes to every engagement query with the page URL (CSAT without)", () => {
    const { watches } = start();
    expect([...watches.keys()].sort()).toEqual([
      "checklists:getAllProgress",
      "csat:getPending",
      "outboundMessages:getEligible",
      "surveys:getActiveSurveys",
      "tooltips:getActiveForVisitor",
      "tours:listAll",
    ]);
    expect(watches.get("tours:listAll")?.args).toEqual({ url: location.href });
    expect(watches.get("csat:getPending")?.args).toEqual({});
  });

  it("shows one blocking experience at a time, in kind order, the next as each closes", async () => {
    const { feed, shadow, names, host } = start();
    host.start("checklist", "c1"); // asked for: waits its turn all the same
    // They answer in any order; arbitration waits for all of them.
    feed("checklists:getAllProgress", [checklist]);
    feed("surveys:getActiveSurveys", [survey]);
    feed("outboundMessages:getEligible", [post]);
    feed("csat:getPending", [{ conversationId: "conv1", lastMessageAt: 1, lastMessagePreview: "Thanks!" }]);
    feed("tooltips:getActiveForVisitor", []);
    await new Promise((done) => setTimeout(done, 30));
    expect(names()).toEqual([]);
    feed("tours:listAll", [tour]);

    const order: string[] = [];
    for (const close of ["Close tour", "Close", "Close survey", "Close checklist", "Close rating"]) {
      await until(() => expect(names()).toHaveLength(1));
      order.push(String(names()[0]));
      buttonNamed(shadow, close).click();
      await until(() => expect(names()).toHaveLength(0));
    }
    expect(order).toEqual(["A tour", "A post", "A survey (optional)", "A checklist", "How was your conversation?"]);
  });

  it("opens a checklist only when asked; a CSAT prompt closed unanswered stays closed for the visitor", async () => {
    const storage = memoryStore();
    const pending = [{ conversationId: "conv1", lastMessageAt: 1, lastMessagePreview: "Thanks!" }];
    const first = start({ storage });
    first.feedAll({ "checklists:getAllProgress": [checklist], "csat:getPending": pending });
    await until(() => expect(first.names()).toEqual(["How was your conversation?"]));
    buttonNamed(first.shadow, "Not now").click();
    await until(() => expect(first.names()).toEqual([]));
    first.host.destroy();

    const again = start({ storage });
    again.feedAll({ "checklists:getAllProgress": [checklist], "csat:getPending": pending });
    await new Promise((done) => setTimeout(done, 50));
    expect(again.names()).toEqual([]);
    again.host.start("checklist", "c1");
    await until(() => expect(again.names()).toEqual(["A checklist"]));
  });

  it("starts nothing unasked while the messenger is open, and catches up when it closes", async () => {
    const { feedAll, state, names, host } = start({ open: true });
    feedAll({ "outboundMessages:getEligible": [post], "surveys:getActiveSurveys": [survey] });
    await new Promise((done) => setTimeout(done, 50));
    expect(names()).toEqual([]);
    host.start("survey", "s1"); // asked for: shows even now
    await until(() => expect(names()).toEqual(["A survey (optional)"]));
    state.set({ open: false });
    await new Promise((done) => setTimeout(done, 50));
    expect(names()).toEqual(["A survey (optional)"]); // the post waits its turn behind the survey on screen
  });

  it("keeps the banner and a tooltip out of sight while a modal tour is up, then shows them", async () => {
    document.body.insertAdjacentHTML("beforeend", '<button id="export">Export</button>');
    const { feedAll, shadow, visible } = start();
    const tip = { id: "tip1", name: "Tip", selector: "#export", placement: "top", title: "Export tip", body: "CSV", trigger: pageLoad, priority: 0 };
    const banner = { ...post, id: "b1", type: "banner", title: null, body: "New: CSV" };
    feedAll({ "tours:listAll": [tour], "tooltips:getActiveForVisitor": [tip], "outboundMessages:getEligible": [banner] });
    await until(() => expect(visible()).toEqual(["A tour"]));
    await new Promise((done) => setTimeout(done, 50));
    expect(visible()).toEqual(["A tour"]);
    buttonNamed(shadow, "Close tour").click();
    await until(() => expect(visible().sort()).toEqual(["Announcement", "Export tip"]));
  });

  it("hides a banner already up when a modal post starts, and shows it again after", async () => {
    const { feed, feedAll, shadow, visible } = start();
    const banner = { ...post, id: "b1", type: "banner", title: null, body: "New: CSV" };
    feedAll({ "outboundMessages:getEligible": [banner] });
    await until(() => expect(visible()).toEqual(["Announcement"]));
    feed("outboundMessages:getEligible", [banner, { ...post, trigger: { type: "event", name: "go" } }]);
    feed("surveys:getActiveSurveys", [survey]);
    await until(() => expect(visible()).toEqual(["A survey (optional)"]));
    buttonNamed(shadow, "Close survey").click();
    await until(() => expect(visible()).toEqual(["Announcement"]));
  });

  it("never shows the messenger and a modal tour together: opening it holds the tour back until it closes", async () => {
    const { feedAll, state, visible, host } = start();
    feedAll({ "tours:listAll": [tour] });
    await until(() => expect(visible()).toEqual(["A tour"]));
    state.set({ open: true });
    await until(() => expect(visible()).toEqual([]));
    state.set({ open: false });
    await until(() => expect(visible()).toEqual(["A tour"]));
  });

  it("closes the messenger for a modal tour asked for while it is open", async () => {
    const { feedAll, state, visible, host } = start({ open: true });
    feedAll({ "tours:listAll": [{ ...tour, autoStart: false }] });
    await new Promise((done) => setTimeout(done, 50));
    expect(visible()).toEqual([]);
    host.start("tour", "t1");
    await until(() => expect(visible()).toEqual(["A tour"]));
    expect(state.get().open).toBe(false);
  });

  it("speaks the visitor's language: French chrome, Arabic right to left", async () => {
    const twoSteps = { ...tour, steps: [{ kind: "modal", title: "Bienvenue", body: "" }, { kind: "modal", title: "Deux", body: "" }] };
    const french = start({ locale: "fr" });
    french.feedAll({ "tours:listAll": [twoSteps] });
    await until(() => expect(french.visible()).toEqual(["Bienvenue"]));
    expect(french.shadow.textContent).toContain("Étape 1 sur 2");
    buttonNamed(french.shadow, "Suivant");
    buttonNamed(french.shadow, "Fermer la visite");
    french.host.destroy();

    const arabic = start({ locale: "ar" });
    arabic.feedAll({ "tours:listAll": [twoSteps] });
    await until(() => expect(arabic.visible()).toEqual(["Bienvenue"]));
    const container = arabic.shadow.querySelector<HTMLElement>('[data-kind="tour"]')!;
    expect([container.dir, container.lang]).toEqual(["rtl", "ar"]);
    buttonNamed(arabic.shadow, "التالي");
    expect(arabic.shadow.textContent).toContain("الخطوة 1 من 2");
  });

  it("puts what was asked for ahead of its kind, and reports unknown ids", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { feedAll, host, names } = start();
    host.start("tour", "t2");
    host.start("tour", "nope");
    const tours = [{ ...tour, priority: 5 }, { ...tour, id: "t2", autoStart: false, steps: [{ kind: "modal", title: "Asked for", body: "" }] }];
    feedAll({ "tours:listAll": tours });
    await until(() => expect(names()).toEqual(["Asked for"]));
    expect(error).toHaveBeenCalledWith('[OpencomWidget] there is no tour with id "nope" for this visitor on this page');
  });

  it("answers getAvailableTours at once: nothing until the tour list is known, then its tours", () => {
    document.body.insertAdjacentHTML("beforeend", '<div id="chart"></div>');
    const { feed, host } = start();
    expect(host.availableTours()).toEqual([]);
    feed("tours:listAll", [{ ...tour, steps: [{ kind: "pointer", selector: "#chart", title: "", body: "" }] }, { ...tour, id: "t3", name: "Elsewhere", status: "completed", steps: [{ kind: "pointer", selector: "#missing", title: "", body: "" }] }]);
    expect(host.availableTours()).toEqual([
      { id: "t1", name: "Tour", description: null, status: "new", elementsAvailable: true },
      { id: "t3", name: "Elsewhere", description: null, status: "completed", elementsAvailable: false },
    ]);
  });

  it("follows the URL of a single-page app, and fires event triggers", async () => {
    const { feedAll, watches, names, host } = start();
    feedAll();
    history.pushState({}, "", "/pricing");
    expect(watches.get("surveys:getActiveSurveys")?.args).toEqual({ url: location.href });
    feedAll({ "surveys:getActiveSurveys": [{ ...survey, trigger: { type: "event", name: "upgraded" } }] });
    await new Promise((done) => setTimeout(done, 30));
    expect(names()).toEqual([]);
    host.noteEvent("upgraded");
    await until(() => expect(names()).toEqual(["A survey (optional)"]));
    history.pushState({}, "", "/");
  });

  it("removes its layer and overlays on destroy", async () => {
    const { feedAll, shadow, host, watches } = start();
    feedAll({ "outboundMessages:getEligible": [post] });
    await until(() => expect(shadow.querySelector('[role="dialog"]')).not.toBeNull());
    host.destroy();
    await until(() => expect(shadow.querySelector(".oc-overlays")).toBeNull());
    expect(watches.size).toBe(0);
  });
});
