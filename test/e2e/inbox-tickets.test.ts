// The inbox's Tickets screen, end to end: a visitor files a ticket in the messenger, an
// operator works it (state, priority, assignee, replies) and the visitor sees it live; the
// SLA breach badge appears when the page's clock passes the breach date (the browser's clock
// control moves it), with no server call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import type { StaticSite } from "../support/static-server";
import { demoOperators, serveInbox, signInOperator, type OperatorPage } from "./support/operator";
import { ALWAYS_OPEN, axeViolations, openMessenger, quietEngagement, setMessenger, shows, tab } from "./support/messenger";
import { openVisitor, type VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let browser: Browser;
let inbox: StaticSite;
let admin: OperatorPage;
let visitor: VisitorPage;
let chatter: VisitorPage | undefined;
let code = "";

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  inbox = await serveInbox(stack);
  await quietEngagement(stack);
  // Always open: business time is wall time, so the first-response target falls 30 minutes after filing.
  await setMessenger(stack, { officeHours: ALWAYS_OPEN });
});

afterAll(async () => {
  await admin?.context.close();
  await visitor?.context.close();
  await chatter?.context.close();
  await browser?.close();
  await inbox?.close();
  await stack?.close();
});

const queue = (page: Page) => page.getByRole("list", { name: "Tickets" });
const queueRow = (page: Page, text: string) => queue(page).getByRole("link").filter({ hasText: text });
const metricRow = (page: Page, key: string) => page.locator(`tr[data-metric="${key}"]`);

describe("the Tickets screen", () => {
  it("shows a ticket the visitor files, live, in the queue named Tickets", async () => {
    visitor = await openVisitor(browser, `${stack.site.url}/tabs.html`);
    const page = visitor.page;
    await openMessenger(page);
    await tab(page, "Tickets").click();
    await page.getByRole("button", { name: "New ticket" }).click();
    await page.getByRole("textbox", { name: /Subject/ }).fill("Refund never arrived");
    await page.getByRole("combobox", { name: /Category/ }).selectOption("Billing");
    await page.getByRole("textbox", { name: /What happened/ }).fill("Ordered on Monday, refunded on Tuesday, nothing yet.");

    admin = await signInOperator(browser, inbox.url, demoOperators(stack)[0]!);
    await admin.page.getByRole("navigation", { name: "Inbox sections" }).getByRole("link", { name: "Tickets" }).click();
    await shows(queue(admin.page));
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await shows(queueRow(admin.page, "Refund never arrived"));
    const row = await queueRow(admin.page, "Refund never arrived").innerText();
    code = /TK-\d+/.exec(row)![0];
    expect(row).toMatch(/Submitted[\s\S]*Medium[\s\S]*Unassigned/);
    expect(row).toMatch(/left/);
    expect(await axeViolations(admin.page)).toEqual([]);
  });

  it("lets the operator change state, priority and assignee; the visitor sees the state live", async () => {
    await queueRow(admin.page, "Refund never arrived").click();
    await shows(admin.page.getByRole("heading", { name: new RegExp(`${code} Refund never arrived`) }));
    expect(await admin.page.locator(".ticket-answers").innerText()).toContain("refunded on Tuesday");
    await admin.page.getByRole("combobox", { name: "Priority", exact: true }).selectOption("CRITICAL");
    await admin.page.getByRole("combobox", { name: "State", exact: true }).selectOption("in_progress");
    await admin.page.getByRole("combobox", { name: "Assignee", exact: true }).selectOption({ label: "Alan Agent" });
    await expect.poll(() => queueRow(admin.page, code).innerText(), { timeout: 10_000 }).toMatch(/In progress[\s\S]*Critical[\s\S]*Alan Agent/);
    const history = admin.page.getByRole("region", { name: "History" });
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain("Assigned to Alan Agent by");
    expect(await history.innerText()).toMatch(/Priority set to Critical[\s\S]*State set to In progress/);
    await shows(visitor.page.getByRole("status").filter({ hasText: "In progress" }));
    expect(await axeViolations(admin.page)).toEqual([]);
  });

  it("shows the breach badge once the page's clock passes the breach date, with no server call", async () => {
    // A second operator session whose clock the test controls: installed, then the page
    // loads again so every timer of the inbox runs on it.
    const watcher = await signInOperator(browser, inbox.url, demoOperators(stack)[1]!);
    try {
      await watcher.context.clock.install();
      await watcher.page.goto(`${inbox.url}/#/tickets/${code}`);
      await watcher.page.reload();
      const firstResponse = metricRow(watcher.page, "TIME_TO_FIRST_RESPONSE");
      await expect.poll(() => firstResponse.getAttribute("data-breach-date"), { timeout: 10_000 }).toMatch(/^\d+$/);
      const breachDate = Number(await firstResponse.getAttribute("data-breach-date"));
      expect(await firstResponse.innerText()).toMatch(/30m 00s[\s\S]*left/);
      expect(await queueRow(watcher.page, code).innerText()).not.toContain("Breached");

      const requests: string[] = [];
      watcher.page.on("request", (request) => requests.push(request.url()));
      await watcher.page.clock.setSystemTime(breachDate - 5_000);
      await expect.poll(() => firstResponse.innerText(), { timeout: 10_000 }).toMatch(/\b[1-5]s left/);
      await watcher.page.clock.setSystemTime(breachDate + 1_000);
      await expect.poll(() => firstResponse.innerText(), { timeout: 10_000 }).toContain("Breached");
      await expect.poll(() => queueRow(watcher.page, code).innerText(), { timeout: 10_000 }).toContain("Breached");
      expect(await watcher.page.locator(".sla-breached").first().evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(180, 35, 24)");
      // Computed in the page: nothing was fetched to draw the badge.
      expect(requests.filter((url) => url.startsWith(stack.demo.convexUrl))).toEqual([]);
      expect(watcher.pageErrors).toEqual([]);
    } finally {
      await watcher.context.close();
    }
  });

  it("delivers the operator's reply to the messenger's Tickets tab, and the visitor's answer back live", async () => {
    const reply = admin.page.getByRole("textbox", { name: "Reply" });
    await reply.fill("We found it: the refund goes out today.");
    await reply.press("Enter");
    await shows(visitor.page.getByText("We found it: the refund goes out today."));
    // The first reply stops the first-response clock: met in time.
    await expect.poll(() => metricRow(admin.page, "TIME_TO_FIRST_RESPONSE").innerText(), { timeout: 10_000 }).toContain("Met");

    await visitor.page.getByRole("textbox", { name: "Your reply" }).fill("Thank you, I will watch for it.");
    await visitor.page.getByRole("button", { name: "Send reply" }).click();
    const replies = admin.page.getByRole("log", { name: "Ticket replies" });
    await expect.poll(() => replies.innerText(), { timeout: 10_000 }).toContain("Thank you, I will watch for it.");
    expect(admin.pageErrors).toEqual([]);
  });

  it("moves through the queue and reaches the ticket's fields from the keyboard", async () => {
    const page = admin.page;
    await page.goto(`${inbox.url}/#/tickets`);
    await shows(queue(page));
    await page.keyboard.press("j");
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/tickets\/TK-\d+$/);
    await shows(page.locator("#ticket-heading"));
    await page.keyboard.press("e");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-shortcut"))).toBe("state");
    await page.locator("#ticket-heading").click();
    await page.keyboard.press("r");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("composer-text");
    await page.locator("#ticket-heading").click();
    await page.keyboard.press("?");
    await shows(page.getByRole("dialog", { name: "Keyboard shortcuts" }));
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
  });

  it("fits a 375 px screen and stays axe-clean there", async () => {
    const phone = await signInOperator(browser, inbox.url, demoOperators(stack)[0]!, { width: 375, height: 740 });
    try {
      await phone.page.goto(`${inbox.url}/#/tickets`);
      await shows(queueRow(phone.page, code));
      expect(await axeViolations(phone.page)).toEqual([]);
      await queueRow(phone.page, code).click();
      await shows(phone.page.getByRole("heading", { name: new RegExp(code) }));
      expect(await queue(phone.page).isVisible()).toBe(false);
      await shows(phone.page.getByRole("heading", { name: "Tickets", level: 1 }));
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await axeViolations(phone.page)).toEqual([]);
      await phone.page.getByRole("link", { name: "Back to tickets" }).click();
      await shows(queue(phone.page));
    } finally {
      await phone.context.close();
    }
  });
});

describe("triage in Chats, from the keyboard", () => {
  const conversations = (page: Page) => page.getByRole("list", { name: "Conversations" });
  const chatRow = (page: Page) => conversations(page).getByRole("link").filter({ hasText: "Can I change my plan?" });
  const focusedShortcut = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-shortcut") ?? null);

  it("shows who is online with their device, routes to a team and snoozes until brought back", async () => {
    chatter = await openVisitor(browser, `${stack.site.url}/basic.html`);
    await openMessenger(chatter.page);
    await chatter.page.getByRole("button", { name: /new conversation/i }).click();
    await chatter.page.getByRole("textbox", { name: "Message" }).fill("Can I change my plan?");
    await chatter.page.getByRole("button", { name: "Send", exact: true }).click();

    const page = admin.page;
    await page.goto(`${inbox.url}/#/chats`);
    await shows(chatRow(page));
    expect(await chatRow(page).innerText()).toContain("Online now");
    await expect.poll(() => page.locator(".online-count").innerText()).toMatch(/[1-9]\d* visitors? online/);

    await chatRow(page).focus();
    await page.keyboard.press("Enter");
    await shows(page.getByRole("log", { name: "Messages" }));
    const sidebar = page.getByRole("complementary");
    await expect.poll(() => sidebar.innerText(), { timeout: 10_000 }).toMatch(/Presence\s+Online now/);
    expect(await sidebar.innerText()).toMatch(/Device\s+\S+ on \S+ \(desktop\)/);

    await page.keyboard.press("t");
    expect(await focusedShortcut(page)).toBe("team");
    await page.getByRole("combobox", { name: "Team" }).selectOption({ label: "Billing" });
    await expect.poll(() => chatRow(page).innerText(), { timeout: 10_000 }).toContain("Team Billing");

    await page.locator("#conversation-heading").click();
    await page.keyboard.press("s");
    expect(await focusedShortcut(page)).toBe("snooze");
    await page.getByRole("combobox", { name: "Snooze" }).selectOption("1h");
    await expect.poll(() => chatRow(page).count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole("button", { name: "Snoozed" }).click();
    await expect.poll(() => chatRow(page).innerText(), { timeout: 10_000 }).toContain("Snoozed until");
    expect(await axeViolations(page)).toEqual([]);

    await page.locator("#conversation-heading").click();
    await page.keyboard.press("s");
    await expect.poll(() => chatRow(page).count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await shows(chatRow(page));

    await page.keyboard.press("?");
    const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await shows(sheet);
    expect(await sheet.innerText()).toMatch(/Choose a support team[\s\S]*Snooze, or unsnooze/);
    await page.keyboard.press("Escape");
  });

  it("keeps the new-message sound choice in this browser, off until turned on", async () => {
    const page = admin.page;
    await page.goto(`${inbox.url}/#/settings/account`);
    const sound = page.getByRole("checkbox", { name: /Play a sound for new messages/ });
    await shows(sound);
    expect(await sound.isChecked()).toBe(false);
    await sound.check();
    expect(await page.evaluate(() => localStorage.getItem("opencom.inbox.sound"))).toBe("on");
    await page.reload();
    await shows(sound);
    expect(await sound.isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(admin.pageErrors).toEqual([]);
  });
});
