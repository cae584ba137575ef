// Engagement overlays in Chromium on the demo site (examples/): the seeded tour, tooltip,
// banner, checklist and NPS survey; outbound messages, a large survey and CSAT created or
// triggered through the REST API; one blocking experience at a time in the seed's order;
// and the authoring picker. Issue "Engagement overlays".
import AxeBuilder from "@axe-core/playwright";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import type { StaticSite } from "../support/static-server";
import { launchChromium } from "../support/browser";
import { openDemoVisitor, serveDemoSite, timeline, visitorId } from "./support/overlays";
import type { VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let site: StaticSite;
let browser: Browser;
const opened: VisitorPage[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  site = await serveDemoSite(stack);
});
afterAll(async () => {
  await Promise.all(opened.map((visitor) => visitor.context.close()));
  await browser?.close();
  await site?.close();
  await stack?.close();
});

// The widget never throws into the page nor opens browser dialogs, whatever the overlays do.
afterEach(() => {
  for (const visitor of opened) {
    expect(visitor.pageErrors).toEqual([]);
    expect(visitor.dialogs).toEqual([]);
  }
});

async function visit(path = "/"): Promise<Page> {
  const visitor = await openDemoVisitor(browser, stack, `${site.url}${path}`);
  opened.push(visitor);
  return visitor.page;
}

const dialog = (page: Page, name: string | RegExp) => page.getByRole("dialog", { name });
const shows = (locator: Locator, timeout = 10_000) => expect.poll(() => locator.isVisible(), { timeout }).toBe(true);
const hides = (locator: Locator, timeout = 10_000) => expect.poll(() => locator.isVisible(), { timeout }).toBe(false);
const isFocused = (locator: Locator) => locator.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element);

/** Calls `window.OpencomWidget[method](...args)` in the page. */
function widget(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([name, values]) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)["OpencomWidget"]![name as string]!(...(values as unknown[])),
    [method, args] as const,
  );
}

async function create<T = { id: string }>(resource: string, body: Record<string, unknown>): Promise<T> {
  const { data } = await stack.agent.request<{ data: T }>("POST", `/${resource}`, { status: "active", ...body });
  return data;
}

async function idOf(resource: string, name: string): Promise<string> {
  const { data } = await stack.agent.request<{ data: Array<{ id: string; name: string }> }>("GET", `/${resource}?limit=100`);
  const found = data.find((item) => item.name === name);
  if (!found) throw new Error(`no ${resource} named ${name}`);
  return found.id;
}

async function axeViolations(page: Page): Promise<string[]> {
  // Mid-animation text is partly transparent: let the overlays' entrances finish first.
  await page.evaluate(() =>
    Promise.all(
      (document.querySelector("opencom-widget")?.shadowRoot?.getAnimations() ?? [])
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Where a card sits next to its element: it must touch one side of it (within `gap`). */
async function isBeside(card: Locator, target: Locator, gap = 40): Promise<boolean> {
  const [a, b] = [await card.boundingBox(), await target.boundingBox()];
  if (!a || !b) return false;
  const overlapsX = a.x < b.x + b.width && b.x < a.x + a.width;
  const overlapsY = a.y < b.y + b.height && b.y < a.y + a.height;
  const below = a.y >= b.y + b.height - 1 && a.y - (b.y + b.height) <= gap;
  const above = a.y + a.height <= b.y + 1 && b.y - (a.y + a.height) <= gap;
  const right = a.x >= b.x + b.width - 1 && a.x - (b.x + b.width) <= gap;
  const left = a.x + a.width <= b.x + 1 && b.x - (a.x + a.width) <= gap;
  return ((below || above) && overlapsX) || ((left || right) && overlapsY);
}

async function openMessenger(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Open messenger" }).click();
  await shows(page.getByRole("button", { name: "Close messenger" }));
}

async function closeMessenger(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Close messenger" }).click();
  await shows(page.getByRole("button", { name: "Open messenger" }));
}

async function sendMessage(page: Page, text: string): Promise<void> {
  await openMessenger(page);
  await page.getByRole("button", { name: /new conversation/i }).click();
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect.poll(() => page.getByRole("log").innerText(), { timeout: 10_000 }).toContain(text);
}

describe("the seeded welcome tour on the demo site", () => {
  it("starts on load, points at each element, survives a reload midway and finishes", async () => {
    const page = await visit();
    const welcome = dialog(page, "Welcome to the demo 👋");
    await shows(welcome);
    expect(await welcome.getAttribute("aria-modal")).toBe("true");
    await expect.poll(() => isFocused(welcome.getByRole("button", { name: "Next" }))).toBe(true);
    await page.keyboard.press("Enter");

    const numbers = dialog(page, "Your numbers");
    await shows(numbers);
    await expect.poll(() => isBeside(numbers, page.locator('[data-tour="dashboard-chart"]'))).toBe(true);

    await page.reload();
    await shows(numbers, 15_000); // resumed at the same step
    await numbers.getByRole("button", { name: "Next" }).click();
    const invite = dialog(page, "Invite your team");
    await shows(invite);
    await expect.poll(() => isBeside(invite, page.locator('[data-tour="invite-button"]'))).toBe(true);
    await invite.getByRole("button", { name: "Back" }).click();
    await shows(numbers);
    await page.keyboard.press("ArrowRight");
    await shows(invite);
    await page.keyboard.press("ArrowRight");
    const settings = dialog(page, "Make it yours");
    await shows(settings);
    await expect.poll(() => isBeside(settings, page.locator('[data-tour="settings-link"]'))).toBe(true);
    await settings.getByRole("button", { name: "Done" }).click();
    await hides(settings);

    const id = await visitorId(page);
    const progress = await stack.agent.request<{ data: { tours: Array<{ name: string; status: string }> } }>(
      "GET",
      `/visitors/${id}/progress`,
    );
    expect(progress.data.tours).toEqual([expect.objectContaining({ name: "Welcome tour", status: "completed" })]);
    await expect.poll(() => widget(page, "getAvailableTours")).toEqual([
      expect.objectContaining({ name: "Welcome tour", status: "completed", elementsAvailable: true }),
    ]);

    await page.reload(); // shown once: not again
    await shows(page.getByRole("region", { name: "Announcement" })); // the overlays are up…
    await new Promise((done) => setTimeout(done, 1000));
    expect(await welcome.isVisible()).toBe(false); // …but not the tour
  });

  it("has no axe violations with a tour step open, and respects reduced motion", async () => {
    const page = await visit();
    await shows(dialog(page, "Welcome to the demo 👋"));
    expect(await axeViolations(page)).toEqual([]);
    await dialog(page, "Welcome to the demo 👋").getByRole("button", { name: "Next" }).click();
    await shows(dialog(page, "Your numbers"));
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await dialog(page, "Your numbers").evaluate((card) => getComputedStyle(card).animationDuration)).toBe("0.001s");
  });

  it("does not start on a page without its elements, and the messenger works there", async () => {
    const page = await visit("/basic.html");
    // An array at once, as the Opencom reference documents: empty until the tour list arrives.
    await expect.poll(() => widget(page, "getAvailableTours"), { timeout: 10_000 }).toEqual([
      expect.objectContaining({ name: "Welcome tour", status: "new", elementsAvailable: false }),
    ]);
    await shows(page.getByRole("region", { name: "Announcement" })); // the overlays are up…
    expect(await dialog(page, "Welcome to the demo 👋").isVisible()).toBe(false); // …but not the tour
    await sendMessage(page, "Hello with overlays around");
  });
});

describe("tooltip, banner and checklist on the demo site", () => {
  it("shows the export tip and the banner after the tour; dismissing them holds after a reload", async () => {
    const page = await visit();
    const welcome = dialog(page, "Welcome to the demo 👋");
    await shows(welcome);
    const tip = dialog(page, "Export your data");
    const banner = page.getByRole("region", { name: "Announcement" });
    await expect.poll(() => isFocused(welcome.getByRole("button", { name: "Next" }))).toBe(true);
    await page.keyboard.press("Escape"); // closes the tour (dismissed)
    await hides(welcome);
    await shows(tip);
    await expect.poll(() => isBeside(tip, page.locator('[data-tour="export-button"]'))).toBe(true);
    await shows(banner);
    expect(await banner.innerText()).toContain("New: export any report as CSV.");

    await tip.getByRole("button", { name: "Got it" }).click();
    await hides(tip);
    await banner.getByRole("button", { name: "Ask us about it" }).click();
    await shows(page.getByRole("button", { name: "Close messenger" }));
    await hides(banner);

    await page.reload();
    await shows(page.getByRole("button", { name: "Open messenger" }));
    await new Promise((done) => setTimeout(done, 1500));
    expect(await tip.isVisible()).toBe(false);
    expect(await banner.isVisible()).toBe(false);
    expect(await dialog(page, "Welcome to the demo 👋").isVisible()).toBe(false);
  });

  it("ticks checklist tasks off live: an event, a page visit, by hand and a sent message", async () => {
    const page = await visit();
    await shows(dialog(page, "Welcome to the demo 👋"));
    await dialog(page, "Welcome to the demo 👋").getByRole("button", { name: "Close tour" }).click();
    const checklist = dialog(page, "Get started");
    const checklistId = await idOf("checklists", "Get started");
    await widget(page, "startChecklist", checklistId); // checklists open when asked
    await shows(checklist);
    await expect.poll(() => checklist.innerText()).toContain("0 of 4 done");

    await page.getByRole("button", { name: "Export CSV" }).click(); // trackEvent("report_exported")
    await expect.poll(() => checklist.innerText(), { timeout: 10_000 }).toContain("1 of 4 done");
    await page.getByRole("link", { name: "Settings" }).click(); // an SPA navigation: a page view of /settings
    await expect.poll(() => checklist.innerText(), { timeout: 10_000 }).toContain("2 of 4 done");
    await checklist.getByRole("button", { name: "Mark as done: Invite a teammate" }).click();
    await expect.poll(() => checklist.innerText(), { timeout: 10_000 }).toContain("3 of 4 done");
    await sendMessage(page, "Checking the checklist");
    expect(await checklist.isVisible()).toBe(false); // out of the messenger's way
    await closeMessenger(page);
    await expect.poll(() => checklist.innerText(), { timeout: 10_000 }).toContain("4 of 4 done");
    expect(await checklist.innerText()).toContain("All done");

    await checklist.getByRole("button", { name: "Close checklist" }).click();
    await hides(checklist);
    await page.goto(`${site.url}/`); // (the demo's /settings exists only client-side)
    await widget(page, "startChecklist", checklistId);
    await shows(checklist);
    expect(await checklist.innerText()).toContain("4 of 4 done"); // progress is the visitor's, kept by the server
  });
});

describe("surveys", () => {
  it("takes a large survey with every question type, refusing a required blank", async () => {
    const survey = await create("surveys", {
      name: "E2E product survey",
      format: "large",
      trigger: { type: "event", name: "e2e_large_survey" },
      intro: "Two minutes, promise.",
      thankYou: "We read every answer.",
      questions: [
        { id: "nps", type: "nps", title: "How likely are you to recommend Acme?", required: true },
        { id: "rating", type: "rating", title: "How do you rate the reports?", required: true },
        { id: "role", type: "single_choice", title: "What is your role?", required: true, options: ["Engineer", "Designer", "Manager"] },
        { id: "uses", type: "multiple_choice", title: "What do you use?", required: false, options: ["Funnels", "Retention", "Exports"] },
        { id: "missing", type: "short_text", title: "What is missing?", required: false },
        { id: "story", type: "long_text", title: "Tell us more", required: false },
      ],
    });
    const page = await visit("/basic.html");
    await widget(page, "trackEvent", "e2e_large_survey");

    const card = dialog(page, /How likely are you to recommend Acme/);
    await shows(card);
    expect(await card.getAttribute("aria-modal")).toBe("true");
    expect(await card.innerText()).toContain("Two minutes, promise.");
    expect(await axeViolations(page)).toEqual([]);

    await card.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => card.getByRole("alert").innerText()).toBe("This question is required.");
    await card.getByText("9", { exact: true }).click();
    await card.getByRole("button", { name: "Next" }).click();
    const rating = dialog(page, /How do you rate the reports/);
    await rating.locator("label", { hasText: "4 out of 5" }).click();
    await rating.getByRole("button", { name: "Next" }).click();
    const role = dialog(page, /What is your role/);
    await role.getByRole("radio", { name: "Designer" }).check();
    await role.getByRole("button", { name: "Next" }).click();
    const uses = dialog(page, /What do you use/);
    await uses.getByRole("checkbox", { name: "Funnels" }).check();
    await uses.getByRole("checkbox", { name: "Exports" }).check();
    await uses.getByRole("button", { name: "Next" }).click();
    await dialog(page, /What is missing/).getByRole("textbox").fill("Cohorts");
    await page.keyboard.press("Enter");
    const story = dialog(page, /Tell us more/);
    await story.getByRole("textbox").fill("We export every Monday.");
    await story.getByRole("button", { name: "Submit" }).click();
    const thanks = dialog(page, "Survey");
    await shows(thanks);
    expect(await thanks.innerText()).toContain("We read every answer.");

    const { data } = await stack.agent.request<{ data: Array<{ answers: unknown }> }>("GET", `/surveys/${survey.id}/responses`);
    expect(data[0]?.answers).toEqual([
      { questionId: "nps", value: 9 },
      { questionId: "rating", value: 4 },
      { questionId: "role", value: "Designer" },
      { questionId: "uses", value: ["Funnels", "Exports"] },
      { questionId: "missing", value: "Cohorts" },
      { questionId: "story", value: "We export every Monday." },
    ]);
    await thanks.getByRole("button", { name: "Close" }).first().click();
    await hides(thanks);
  });

  it("shows the seeded NPS survey in a corner through startSurvey", async () => {
    const page = await visit("/basic.html");
    await widget(page, "startSurvey", await idOf("surveys", "NPS"));
    const card = dialog(page, /How likely are you to recommend us/);
    await shows(card);
    expect(await card.getAttribute("aria-modal")).toBe("false");
    await card.getByText("10", { exact: true }).click();
    await card.getByRole("button", { name: "Next" }).click();
    await dialog(page, /main reason for your score/).getByRole("textbox").fill("Fast and friendly");
    await dialog(page, /main reason for your score/).getByRole("button", { name: "Submit" }).click();
    await shows(dialog(page, "Survey"));
    expect(await dialog(page, "Survey").innerText()).toContain("Thanks for your feedback!");
  });
});

describe("outbound messages and CSAT", () => {
  it("shows a message when its date window opens, without a reload", async () => {
    const opensIn = 6_000;
    await create("outbound-messages", {
      name: "E2E window",
      type: "post",
      trigger: { type: "event", name: "e2e_window" },
      title: "Doors open",
      body: "The sale has started.",
      startsAt: Date.now() + opensIn,
    });
    const page = await visit("/basic.html");
    await widget(page, "trackEvent", "e2e_window");
    const post = dialog(page, "Doors open");
    await new Promise((done) => setTimeout(done, 2_000));
    expect(await post.isVisible()).toBe(false); // not yet: the window opens later
    await shows(post, 20_000); // the scheduled boundary re-runs the live query
    await post.getByRole("button", { name: "Close" }).click();
  });

  it("shows a post and a chat message, each acting on its buttons", async () => {
    await create("outbound-messages", {
      name: "E2E post",
      type: "post",
      trigger: { type: "event", name: "e2e_post" },
      title: "Reports got faster",
      senderName: "Ada",
      body: "Every report now loads in **under a second**.",
      buttons: [{ label: "Tell me more", action: "open_messenger" }],
    });
    await create("outbound-messages", {
      name: "E2E chat",
      type: "chat",
      trigger: { type: "event", name: "e2e_chat" },
      senderName: "Grace",
      body: "Hi! Need a hand with funnels?",
    });
    const page = await visit("/basic.html");

    await widget(page, "trackEvent", "e2e_post");
    const post = dialog(page, "Reports got faster");
    await shows(post);
    expect(await post.getAttribute("aria-modal")).toBe("true");
    expect(await post.locator("strong").innerText()).toBe("under a second");
    await post.getByRole("button", { name: "Tell me more" }).click();
    await hides(post);
    await shows(page.getByRole("button", { name: "Close messenger" }));
    await closeMessenger(page);

    await widget(page, "trackEvent", "e2e_chat");
    const chat = dialog(page, "Message from Grace");
    await shows(chat);
    expect(await chat.innerText()).toContain("Need a hand with funnels?");
    await chat.getByRole("button", { name: "Reply" }).click();
    await shows(page.getByRole("button", { name: "Close messenger" }));
    await hides(chat);
    // The conversation opens on the chat's message, from Grace, ready for the answer.
    const log = page.getByRole("log");
    await expect.poll(() => log.innerText().catch(() => ""), { timeout: 10_000 }).toContain("Need a hand with funnels?");
    await page.getByRole("textbox", { name: "Message" }).fill("Yes, how do I split by country?");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const conversation = await stack.agent.conversationWith("split by country");
    expect((await stack.agent.messages(conversation.id)).map((m) => [m.senderType, m.body])).toEqual([
      ["agent", "Hi! Need a hand with funnels?"],
      ["visitor", "Yes, how do I split by country?"],
    ]);
  });

  it("asks for a rating after the team closes the conversation", async () => {
    const page = await visit("/basic.html");
    await sendMessage(page, "Please close me when done");
    const conversation = await stack.agent.conversationWith("Please close me when done");
    await stack.agent.request("POST", `/conversations/${conversation.id}/close`);
    await closeMessenger(page); // rating waits while the messenger is open

    const prompt = dialog(page, "How was your conversation?");
    await shows(prompt, 15_000);
    await prompt.getByRole("button", { name: "Submit" }).click();
    await expect.poll(() => prompt.getByRole("alert").innerText()).toBe("This question is required.");
    await prompt.locator("label", { hasText: "5 out of 5" }).click();
    await prompt.getByRole("textbox").fill("Quick and kind.");
    await prompt.getByRole("button", { name: "Submit" }).click();
    await shows(dialog(page, "Thanks for your feedback!"));

    await page.reload();
    await shows(page.getByRole("button", { name: "Open messenger" }));
    await new Promise((done) => setTimeout(done, 1500));
    expect(await dialog(page, /How was your conversation/).isVisible()).toBe(false);
  });
});

describe("tooltip triggers", () => {
  it("opens a hover tip on hover or focus only, and a click tip from its beacon", async () => {
    const here = { type: "url", pattern: "*overlays-tooltips*" };
    await create("tooltips", { name: "Hover hint", trigger: here, selector: "#hover-target", showOn: "hover", title: "Hover hint", body: "Filter by any property." });
    await create("tooltips", { name: "Click hint", trigger: here, selector: "#click-target", showOn: "click", title: "Click hint", body: "Share a read-only link." });
    const page = await visit("/overlays-tooltips.html");
    const hoverBody = page.getByText("Filter by any property.");
    const clickBody = page.getByText("Share a read-only link.");
    const clickBeacon = page.getByRole("button", { name: /Click hint/ });
    await shows(clickBeacon);
    await shows(page.getByRole("button", { name: /Hover hint/ }));
    expect(await hoverBody.isVisible()).toBe(false);
    expect(await clickBody.isVisible()).toBe(false);

    await page.hover("#hover-target");
    await shows(hoverBody);
    await page.mouse.move(5, 5);
    await hides(hoverBody);
    expect(await clickBody.isVisible()).toBe(false);

    await clickBeacon.click();
    await shows(clickBody);
    await expect.poll(() => clickBeacon.getAttribute("aria-expanded")).toBe("true");
  });
});

describe("arbitration", () => {
  it("shows one blocking experience at a time: tours, tooltips, outbound, surveys, checklists, CSAT", async () => {
    const here = { type: "url", pattern: "*overlays-arbitration*" };
    await create("tours", { name: "Arbitration tour", trigger: here, steps: [{ kind: "modal", title: "Arbitration tour", body: "First." }] });
    await create("tooltips", { name: "Arbitration tip", trigger: here, selector: "#arbitration-target", title: "Arbitration tip", body: "Beside the tour." });
    await create("outbound-messages", { name: "Arbitration post", type: "post", trigger: here, title: "Arbitration post", body: "Third." });
    await create("surveys", {
      name: "Arbitration survey",
      format: "large",
      trigger: here,
      questions: [{ id: "q", type: "rating", title: "Arbitration survey", required: false }],
    });
    await create("checklists", {
      name: "Arbitration checklist",
      audience: { url: "*overlays-arbitration*" },
      tasks: [{ id: "one", title: "One thing", completion: { type: "manual" } }],
    });

    // A closed conversation makes a CSAT prompt due as well.
    const page = await visit("/basic.html");
    await sendMessage(page, "Arbitration conversation");
    const conversation = await stack.agent.conversationWith("Arbitration conversation");
    await stack.agent.request("POST", `/conversations/${conversation.id}/close`);
    await page.goto(`${site.url}/overlays-arbitration.html`);
    // Checklists open when asked: asked for now, they wait their turn behind the others.
    const checklistIds = [await idOf("checklists", "Get started"), await idOf("checklists", "Arbitration checklist")];
    for (const id of checklistIds) await widget(page, "startChecklist", id);

    const closeWhenShown = async (locator: Locator, close: string) => {
      await shows(locator, 15_000).catch(async (error: unknown) => {
        throw new Error(`${String(locator)} did not show; overlays so far: ${JSON.stringify(await timeline(page))}`, { cause: error });
      });
      await new Promise((done) => setTimeout(done, 300)); // time for anything else to (wrongly) appear
      await locator.getByRole("button", { name: close, exact: true }).first().click();
      await hides(locator);
    };
    await closeWhenShown(dialog(page, "Arbitration tour"), "Close tour");
    await closeWhenShown(dialog(page, "Arbitration post"), "Close");
    await closeWhenShown(dialog(page, /Arbitration survey/), "Close survey");
    // Two checklists were asked for (the seeded one and this page's); either may go first.
    // Wait on the one that showed by its own name: the other takes its place at once, and a
    // locator matching both would never see the first one hide.
    for (let i = 0; i < 2; i++) {
      const either = page.getByRole("dialog", { name: /^(Get started|Arbitration checklist)$/ });
      await shows(either, 15_000);
      const name = (await dialog(page, /^Get started$/).isVisible()) ? /^Get started$/ : /^Arbitration checklist$/;
      await closeWhenShown(dialog(page, name), "Close checklist");
    }
    await closeWhenShown(dialog(page, "How was your conversation?"), "Close rating");

    const { seen, mostBlocking, clashes } = await timeline(page);
    expect(mostBlocking).toBe(1);
    expect(clashes).toEqual([]);
    expect(seen.filter((entry) => entry.slot === "blocking").map((entry) => entry.kind)).toEqual([
      "tour",
      "outbound",
      "survey",
      "checklist",
      "checklist",
      "csat",
    ]);
    // Tooltips are not blocking but never show beside a modal: the tip waited for the
    // modal tour, post and survey, and came with the (non-modal) checklist.
    const at = (kind: string, slot: string) => seen.find((entry) => entry.kind === kind && entry.slot === slot)?.at ?? NaN;
    expect(at("tooltip", "free")).toBeGreaterThan(at("survey", "blocking"));
    expect(at("tooltip", "free")).toBeGreaterThanOrEqual(at("checklist", "blocking"));
  });
});

describe("overlay order on the demo site's own pages", () => {
  it("first visit: the welcome tour alone; the banner and the Export tip once it ends; never beside the messenger", async () => {
    const page = await visit();
    const welcome = dialog(page, "Welcome to the demo 👋");
    const tip = dialog(page, "Export your data");
    const banner = page.getByRole("region", { name: "Announcement" });
    await shows(welcome);
    await new Promise((done) => setTimeout(done, 1_000)); // time for the others to (wrongly) appear
    expect(await tip.isVisible()).toBe(false);
    expect(await banner.isVisible()).toBe(false);

    // Opening the messenger during the tour puts the tour aside; closing it brings it back.
    await openMessenger(page);
    await hides(welcome);
    await closeMessenger(page);
    await shows(welcome);

    await welcome.getByRole("button", { name: "Close tour" }).click();
    await shows(tip);
    await shows(banner);
    expect((await timeline(page)).clashes).toEqual([]);
  });

  it("/funnels, reloaded: a modal post alone, then the tooltip, the NPS survey and the banner together", async () => {
    const here = { type: "url", pattern: "*/funnels*" };
    await create("outbound-messages", { name: "Funnels post", type: "post", trigger: here, title: "Funnels got faster", body: "Every funnel now loads in a second." });
    const page = await visit("/funnels"); // the demo's route, served on reload like any other page
    expect(await page.locator("#page-title").innerText()).toBe("Funnels");
    const welcome = dialog(page, "Welcome to the demo 👋");
    await shows(welcome);
    await widget(page, "startSurvey", await idOf("surveys", "NPS")); // due now rather than after 30 s
    await welcome.getByRole("button", { name: "Close tour" }).click();

    const post = dialog(page, "Funnels got faster");
    const tip = dialog(page, "Export your data");
    const survey = dialog(page, /How likely are you to recommend us/);
    const banner = page.getByRole("region", { name: "Announcement" });
    await shows(post);
    await new Promise((done) => setTimeout(done, 1_000));
    for (const other of [tip, survey, banner]) expect(await other.isVisible()).toBe(false);
    await post.getByRole("button", { name: "Close" }).click();
    await hides(post);
    for (const other of [tip, survey, banner]) await shows(other);
    const { clashes, mostBlocking } = await timeline(page);
    expect(clashes).toEqual([]);
    expect(mostBlocking).toBe(1);
  });
});

describe("the demo site itself", () => {
  it("fits a 375 px phone with the launcher on screen, and serves its routes on reload", async () => {
    const page = await visit("/basic.html");
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ["/", "/reports", "/settings", "/funnels", "/retention"]) {
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status()).toBe(200);
      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(width.scroll).toBeLessThanOrEqual(width.client);
    }
    const launcher = page.getByRole("button", { name: "Open messenger" });
    await shows(launcher);
    const box = await launcher.boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  });
});

describe("authoring", () => {
  it("picks an element on the page, saves its selector, and a tour then points at it", async () => {
    const tour = await create("tours", {
      name: "Authored tour",
      trigger: { type: "event", name: "never-fired" },
      steps: [{ kind: "modal", title: "Sessions live here", body: "Picked with the authoring tools." }],
    });
    const { data } = await stack.agent.request<{ data: { url: string } }>("POST", "/authoring-tokens", {
      target: { type: "tourStep", tourId: tour.id, stepIndex: 0 },
      pageUrl: `${site.url}/`,
    });
    const page = await visit(new URL(data.url).pathname + new URL(data.url).hash);
    const bar = page.getByRole("region", { name: "Opencom authoring" });
    await shows(bar);
    await expect.poll(() => bar.innerText()).toContain("Tour “Authored tour” · step 1 of 1");
    expect(await dialog(page, "Welcome to the demo 👋").isVisible()).toBe(false); // nothing starts unasked here

    await bar.getByRole("button", { name: "Pick an element" }).click();
    const sessions = page.locator(".kpi").nth(1);
    await sessions.hover({ position: { x: 6, y: 6 } }); // the card's padding: the card itself, not its text
    await sessions.click({ position: { x: 6, y: 6 } });
    await expect.poll(() => bar.innerText()).toContain("unique on this page");
    const selector = await bar.locator("code").first().innerText();
    expect(await page.locator(selector).count()).toBe(1);
    expect(await page.locator(selector).innerText()).toContain("Sessions");
    await bar.getByRole("button", { name: "Save selector" }).click();
    await expect.poll(() => bar.innerText()).toContain("Saved");

    const saved = await stack.agent.request<{ data: { steps: Array<{ kind: string; selector?: string }> } }>("GET", `/tours/${tour.id}`);
    expect(saved.data.steps[0]).toMatchObject({ kind: "pointer", selector });

    await page.goto(`${site.url}/`);
    await shows(dialog(page, "Welcome to the demo 👋"));
    await widget(page, "startTour", tour.id);
    await dialog(page, "Welcome to the demo 👋").getByRole("button", { name: "Close tour" }).click(); // the asked-for one is next
    const step = dialog(page, "Sessions live here");
    await shows(step);
    await expect.poll(() => isBeside(step, page.locator(selector))).toBe(true);
  });

  it("explains an invalid authoring link", async () => {
    const page = await visit("/#opencom-authoring=oat_not-a-real-token");
    const bar = page.getByRole("region", { name: "Opencom authoring" });
    await shows(bar);
    await expect.poll(() => bar.getByRole("alert").innerText()).toContain("This authoring link is not valid");
  });
});
