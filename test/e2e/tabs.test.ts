// The messenger's tabs in Chromium against the local backend: Home, Messages (typing, seen,
// attachments, email capture), Help, Tours, Tasks and Tickets; Arabic right to left,
// screenshot-checked; the dark theme; axe in every tab. Issue "Messenger tabs and the
// Intercom-class JS API".
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import {
  ALWAYS_OPEN,
  axeViolations,
  NEVER_OPEN,
  openMessenger,
  panel,
  quietEngagement,
  setMessenger,
  shows,
  tab,
} from "./support/messenger";
import { openVisitor, type VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let browser: Browser;
const opened: VisitorPage[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  await quietEngagement(stack);
  await setMessenger(stack, { officeHours: ALWAYS_OPEN });
});
afterAll(async () => {
  await Promise.all(opened.map((visitor) => visitor.context.close()));
  await browser?.close();
  await stack?.close();
});

async function visit(): Promise<Page> {
  const visitor = await openVisitor(browser, `${stack.site.url}/tabs.html`);
  opened.push(visitor);
  return visitor.page;
}

const composer = (page: Page) => page.getByRole("textbox", { name: "Message" });
const log = (page: Page) => page.getByRole("log");

async function newConversation(page: Page, text: string): Promise<string> {
  await tab(page, "Messages").click();
  await page.getByRole("button", { name: "New conversation" }).click();
  await shows(composer(page));
  await composer(page).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toContain(text);
  return (await stack.agent.conversationWith(text)).id;
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

describe("Home", () => {
  it("greets, says the team is online, shows cards, the recent conversation and help search", async () => {
    const page = await visit();
    await openMessenger(page);
    await expect.poll(() => tab(page, "Home").getAttribute("aria-selected")).toBe("true");
    await shows(page.getByRole("heading", { name: /This is the Opencom demo/ }));
    await shows(page.getByText(/We're online · Typically replies in a few hours/));
    await shows(page.getByRole("link", { name: "What's new" }));
    await expectAxeClean(page);

    await page.getByRole("button", { name: "New conversation" }).click();
    await composer(page).fill("Hello from Home");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toContain("Hello from Home");
    await page.getByRole("button", { name: "Back to conversations" }).click();
    await tab(page, "Home").click();
    await shows(page.getByRole("heading", { name: "Recent conversation" }));
    await shows(page.getByRole("button", { name: /Hello from Home/ }));

    await page.getByRole("searchbox", { name: "Search articles" }).fill("invoices");
    await page.getByRole("searchbox", { name: "Search articles" }).press("Enter");
    await expect.poll(() => tab(page, "Help").getAttribute("aria-selected")).toBe("true");
    await shows(page.getByRole("button", { name: /Download invoices/ }));
  });
});

describe("Messages", () => {
  it("shows the agent typing, tells the agent the visitor types, and marks messages seen", async () => {
    const page = await visit();
    await openMessenger(page);
    const id = await newConversation(page, "Can someone look at my invoice?");
    await stack.agent.request("POST", `/conversations/${id}/typing`, { authorName: "Ada" });
    await shows(page.getByText("Ada is typing…"));

    await composer(page).pressSequentially("Also, one more thing", { delay: 20 });
    await expect
      .poll(async () => (await stack.agent.request<{ data: { visitorTyping: boolean } }>("GET", `/conversations/${id}/activity`)).data.visitorTyping)
      .toBe(true);

    await stack.agent.request("POST", `/conversations/${id}/read`);
    await shows(page.getByText("Seen", { exact: true }));
    await stack.agent.reply(id, "Looking now!");
    await expect.poll(() => log(page).innerText()).toContain("Looking now!");
    await expect.poll(() => page.getByText("Ada is typing…").isVisible()).toBe(false);
    const activity = await stack.agent.request<{ data: { readByVisitorAt: number | null } }>("GET", `/conversations/${id}/activity`);
    await expect.poll(async () => (await stack.agent.request<typeof activity>("GET", `/conversations/${id}/activity`)).data.readByVisitorAt).not.toBeNull();
    await expectAxeClean(page);
  });

  it("attaches files by picker, drop and paste, refuses oversized and unknown types, and delivers them", async () => {
    const page = await visit();
    await openMessenger(page);
    const id = await newConversation(page, "Here is a screenshot");
    const picker = page.locator("input[type=file]");
    await picker.setInputFiles({ name: "pixel.png", mimeType: "image/png", buffer: PNG });
    await shows(page.getByRole("button", { name: "Remove pixel.png" }));
    await expect.poll(() => page.getByText("Uploading…").count(), { timeout: 10_000 }).toBe(0);

    // Drop a PDF and paste a text file onto the conversation.
    await page.evaluate(async () => {
      const root = document.querySelector("opencom-widget")!.shadowRoot!;
      const drop = new DataTransfer();
      drop.items.add(new File(["%PDF-1.4\n%test"], "guide.pdf", { type: "application/pdf" }));
      const view = root.querySelector(".oc-conversation")!;
      view.dispatchEvent(new DragEvent("dragover", { dataTransfer: drop, bubbles: true, cancelable: true }));
      view.dispatchEvent(new DragEvent("drop", { dataTransfer: drop, bubbles: true, cancelable: true }));
      const paste = new DataTransfer();
      paste.items.add(new File(["plain notes"], "notes.txt", { type: "text/plain" }));
      root.querySelector("textarea")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: paste, bubbles: true, cancelable: true }));
    });
    await shows(page.getByRole("button", { name: "Remove guide.pdf" }));
    await shows(page.getByRole("button", { name: "Remove notes.txt" }));

    await picker.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(6 * 1024 * 1024) });
    await shows(page.getByRole("alert").filter({ hasText: "huge.png is larger than 5 MB." }));
    await picker.setInputFiles({ name: "tool.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
    await shows(page.getByRole("alert").filter({ hasText: "tool.exe can't be attached" }));

    await expect.poll(() => page.getByText("Uploading…").count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await shows(log(page).getByRole("img", { name: "pixel.png" }));
    await shows(log(page).getByRole("link", { name: /guide\.pdf/ }));
    await expectAxeClean(page);

    type AgentMessage = { body: string; attachments?: Array<{ name: string; contentType: string; url: string }> };
    const { data } = await stack.agent.request<{ data: AgentMessage[] }>("GET", `/conversations/${id}/messages`);
    const files = data.at(-1)?.attachments ?? [];
    expect(files.map((file) => [file.name, file.contentType])).toEqual([
      ["pixel.png", "image/png"],
      ["guide.pdf", "application/pdf"],
      ["notes.txt", "text/plain"],
    ]);
    const download = await fetch(files[0]!.url);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
    // Served by the attachment action with the sniffed type, never by storage with the uploader's.
    expect(files[0]!.url).toMatch(/\/widget\/files\/[A-Za-z0-9_-]{43}$/);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await fetch(files[2]!.url);
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''notes.txt");
  });

  it("asks an anonymous visitor for an email once while the team is away; saving or skipping ends it", async () => {
    await setMessenger(stack, { officeHours: NEVER_OPEN });
    try {
      const page = await visit();
      await openMessenger(page);
      await shows(page.getByText(/We're away/).first());
      await newConversation(page, "Anyone around tonight?");
      await shows(page.getByText("We're away right now. Leave a message"));
      const email = page.getByRole("textbox", { name: "Email" });
      await email.fill("not-an-email");
      await page.getByRole("button", { name: "Notify me" }).click();
      await shows(page.getByRole("alert").filter({ hasText: "Enter an email address" }));
      await email.fill("night.owl@example.com");
      await page.getByRole("button", { name: "Notify me" }).click();
      await shows(page.getByText("Thanks! We'll reply to night.owl@example.com."));
      const { data } = await stack.agent.request<{ data: Array<{ visitor: { email: string | null }; lastMessagePreview: string }> }>("GET", "/conversations");
      expect(data.find((c) => c.lastMessagePreview === "Anyone around tonight?")?.visitor.email).toBe("night.owl@example.com");

      const other = await visit();
      await openMessenger(other);
      await newConversation(other, "Skipping the email");
      await other.getByRole("button", { name: "No thanks" }).click();
      await expect.poll(() => other.getByRole("textbox", { name: "Email" }).count()).toBe(0);
      await other.reload();
      await openMessenger(other);
      await newConversation(other, "Still no email please");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await other.getByRole("textbox", { name: "Email" }).count()).toBe(0);
    } finally {
      await setMessenger(stack, { officeHours: ALWAYS_OPEN });
    }
  });
});

describe("Help", () => {
  it("lists collections, ranks search results, renders an article with its image; axe clean", async () => {
    const page = await visit();
    await openMessenger(page);
    await tab(page, "Help").click();
    await shows(page.getByRole("heading", { name: "Getting started" }));
    await shows(page.getByRole("heading", { name: "Billing and plans" }));
    await expectAxeClean(page);

    await page.getByRole("searchbox", { name: "Search articles" }).fill("invoice");
    await shows(page.getByRole("status").filter({ hasText: /articles? found/ }));
    const results = page.locator("opencom-widget").getByRole("listitem");
    await expect.poll(async () => (await results.first().innerText()).split("\n")[0]).toBe("Download invoices");

    await page.getByRole("searchbox", { name: "Search articles" }).fill("");
    await page.getByRole("button", { name: "Install the widget" }).click();
    const article = page.getByRole("article", { name: "Install the widget" });
    await shows(article);
    await shows(article.getByRole("img", { name: "The Opencom logo" }));
    expect(await article.locator("strong").first().innerText()).toBe("one script tag");
    expect(await article.getByRole("link", { name: "JavaScript API" }).getAttribute("rel")).toBe("noopener noreferrer nofollow");
    await expectAxeClean(page);
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await shows(page.getByRole("heading", { name: "Getting started" }));
  });
});

describe("Tours and Tasks", () => {
  it("Tours lists the page's tours and starts one", async () => {
    // A checklist is a blocking experience too: pause it so the tour gets the page at once.
    const checklists = await stack.agent.request<{ data: Array<{ id: string }> }>("GET", "/checklists?status=active");
    for (const { id } of checklists.data) await stack.agent.request("PATCH", `/checklists/${id}`, { status: "draft" });
    try {
      await startTourFromTab();
    } finally {
      for (const { id } of checklists.data) await stack.agent.request("PATCH", `/checklists/${id}`, { status: "active" });
    }
  });

  async function startTourFromTab(): Promise<void> {
    const page = await visit();
    await openMessenger(page);
    await tab(page, "Tours").click();
    await shows(page.getByRole("heading", { name: "Reports tour" }));
    await shows(page.getByText("Where your numbers live."));
    await expectAxeClean(page);
    await page.getByRole("button", { name: "Start tour: Reports tour" }).click();
    await shows(page.getByRole("dialog", { name: "Your reports" }));
    await expect.poll(() => panel(page).isVisible()).toBe(false);
  }

  it("Tasks shows checklist progress live and opens a checklist", async () => {
    const page = await visit();
    await openMessenger(page);
    await tab(page, "Tasks").click();
    await shows(page.getByRole("heading", { name: "Get started" }));
    await shows(panel(page).getByText("0 of 4 done"));
    await expectAxeClean(page);
    await page.evaluate(() => (window as unknown as { OpencomWidget: { trackEvent(name: string): void } }).OpencomWidget.trackEvent("report_exported"));
    await shows(panel(page).getByText("1 of 4 done"));
    await page.getByRole("button", { name: "Open Get started" }).click();
    await shows(page.getByRole("dialog", { name: /Get started/ }));
  });
});

describe("Tickets", () => {
  it("files a ticket with the workspace's form, checks it, and shows the agent's updates live", async () => {
    const page = await visit();
    await openMessenger(page);
    await tab(page, "Tickets").click();
    await shows(page.getByText("You haven't opened any tickets."));
    await expectAxeClean(page);
    await page.getByRole("button", { name: "New ticket" }).click();
    await shows(page.getByRole("combobox", { name: /Category/ }));
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await shows(page.getByText("Subject is required."));
    await shows(page.getByText("Category is required."));
    expect(await page.getByRole("textbox", { name: /Subject/ }).getAttribute("aria-invalid")).toBe("true");
    await expectAxeClean(page);

    await page.getByRole("textbox", { name: /Subject/ }).fill("Export fails");
    await page.getByRole("combobox", { name: /Category/ }).selectOption("Bug");
    await page.getByRole("textbox", { name: /What happened/ }).fill("The CSV export spins forever.");
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await shows(page.getByRole("heading", { name: "Export fails" }));
    await shows(page.getByRole("status").filter({ hasText: "Submitted" }));

    const { data } = await stack.agent.request<{ data: Array<{ id: string; title: string }> }>("GET", "/tickets");
    const ticket = data.find((row) => row.title === "Export fails")!;
    await stack.agent.request("PATCH", `/tickets/${ticket.id}`, { state: "in_progress", note: "Reproduced, fixing it." });
    await shows(page.getByRole("status").filter({ hasText: "In progress" }));
    await shows(page.getByText("Reproduced, fixing it."));
    await shows(page.getByText(/Ticket TK-\d+/));
    await page.getByRole("textbox", { name: "Your reply" }).fill("Thanks, it happens on Firefox too.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await shows(page.getByText("Thanks, it happens on Firefox too."));
    await expectAxeClean(page);
    await page.getByRole("button", { name: "Back to tickets" }).click();
    await shows(page.getByRole("button", { name: /Export fails.*In progress/s }));
  });
});

describe("right to left and themes", () => {
  it("renders Arabic right to left from navigator.languages, mirrored, screenshot-checked and axe-clean", async () => {
    const context = await browser.newContext({ locale: "ar-EG", viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    opened.push({ context, page } as VisitorPage);
    await page.goto(`${stack.site.url}/tabs.html`);
    await openMessenger(page, "فتح المحادثة");
    const dialog = panel(page);
    expect(await dialog.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    expect(await page.locator(".oc-root").getAttribute("dir")).toBe("rtl");
    expect(await page.locator(".oc-root").getAttribute("lang")).toBe("ar");
    await shows(tab(page, "الرئيسية"));
    // Tabs run right to left: Home is the rightmost.
    const home = (await tab(page, "الرئيسية").boundingBox())!;
    const messages = (await tab(page, "الرسائل").boundingBox())!;
    expect(home.x).toBeGreaterThan(messages.x);
    await expectAxeClean(page);

    await tab(page, "الرسائل").click();
    await page.getByRole("button", { name: "محادثة جديدة" }).click();
    const textbox = page.getByRole("textbox", { name: "الرسالة" });
    await shows(textbox);
    await textbox.fill("مرحبا، أحتاج إلى مساعدة");
    const send = (await page.getByRole("button", { name: "إرسال" }).boundingBox())!;
    const field = (await textbox.boundingBox())!;
    expect(send.x + send.width).toBeLessThanOrEqual(field.x + 1); // the send button sits to the left
    expect(await textbox.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    mkdirSync("test-results", { recursive: true });
    const png = await dialog.screenshot({ path: "test-results/rtl-arabic.png" });
    expect(png.length).toBeGreaterThan(5_000);
    await expectAxeClean(page);
  });

  it("uses the workspace's dark theme and stays axe-clean", async () => {
    await setMessenger(stack, { theme: "dark" });
    try {
      const page = await visit();
      await openMessenger(page);
      const background = await panel(page).evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(background).toBe("rgb(24, 27, 33)");
      await expectAxeClean(page);
      await tab(page, "Help").click();
      await shows(page.getByRole("heading", { name: "Getting started" }));
      await expectAxeClean(page);
    } finally {
      await setMessenger(stack, { theme: "light" });
    }
  });
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
