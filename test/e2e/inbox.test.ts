// The operator inbox, end to end: two operators (an admin and an agent) in two browser
// contexts and a visitor in a third, on the local backend seeded with the demo workspace.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "vite";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";
import { axeViolations, shows } from "./support/messenger";
import { openVisitor, type VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

const ROOT = resolve(import.meta.dirname, "../..");

type Operator = { email: string; password: string; role: "admin" | "agent" };
type OperatorPage = { context: BrowserContext; page: Page; convexRequests: string[]; pageErrors: string[] };

let stack: Stack;
let browser: Browser;
let inbox: StaticSite;
let admin: OperatorPage;
let agent: OperatorPage;
let visitor: VisitorPage;

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), "opencom-inbox-"));
  // The inbox's address first: the backend answers operators' uploads for it (SITE_URL), and
  // the page learns the backend's address once it is up (templates are filled per request).
  const inboxVariables: Record<string, string> = {};
  inbox = await serveStatic([outDir], inboxVariables);
  const [started, launched] = await Promise.all([
    startStack({ backendEnv: { SITE_URL: inbox.url } }),
    launchChromium(),
    build({ configFile: join(ROOT, "inbox/vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } }),
  ]);
  stack = started;
  browser = launched;
  inboxVariables.CONVEX_URL = stack.demo.convexUrl;
});

afterAll(async () => {
  for (const page of [admin, agent]) await page?.context.close();
  await visitor?.context.close();
  await browser?.close();
  await inbox?.close();
  await stack?.close();
});

function operators(): Operator[] {
  return (stack.demo as unknown as { operators: Operator[] }).operators;
}

async function signedIn(operator: Operator, viewport = { width: 1280, height: 800 }): Promise<OperatorPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const convexRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("request", (request) => {
    if (request.url().startsWith(stack.demo.convexUrl)) convexRequests.push(new URL(request.url()).pathname);
  });
  await page.goto(`${inbox.url}/`);
  await page.getByRole("textbox", { name: "Email" }).fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await shows(page.getByRole("navigation", { name: "Inbox sections" }));
  return { context, page, convexRequests, pageErrors };
}

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n%shipping label\n");

const conversations = (page: Page) => page.getByRole("list", { name: "Conversations" });
const row = (page: Page, text: string) => conversations(page).getByRole("link").filter({ hasText: text });
const log = (page: Page) => page.getByRole("log");

async function visitorSends(text: string): Promise<void> {
  const page = visitor.page;
  const composer = page.getByRole("textbox", { name: "Message" });
  if (!(await composer.isVisible().catch(() => false))) {
    await page.getByRole("button", { name: "Open messenger" }).click();
    await page.getByRole("button", { name: /new conversation/i }).click();
  }
  await composer.fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

describe("the operator inbox", () => {
  it("refuses a wrong password with a message, and signs the demo operators in", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${inbox.url}/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Email" }).fill(operators()[0]!.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await shows(page.getByRole("alert"));
    expect(await page.getByRole("alert").innerText()).toMatch(/do not match/);
    await page.context().close();

    [admin, agent] = await Promise.all([signedIn(operators()[0]!), signedIn(operators()[1]!)]);
    for (const name of ["Chats", "Tickets", "Contacts", "Settings"]) {
      await shows(admin.page.getByRole("navigation", { name: "Inbox sections" }).getByRole("link", { name }));
    }
  });

  it("shows a visitor's message to both operators live, with no polling", async () => {
    visitor = await openVisitor(browser, `${stack.site.url}/basic.html`);
    const before = [admin.convexRequests.length, agent.convexRequests.length];
    await visitorSends("Hello, I **need** help with my order");
    for (const operator of [admin, agent]) {
      await shows(row(operator.page, "Hello, I need help with my order"));
    }
    // Plain text in the list: no raw markdown, and an unread count.
    expect(await row(admin.page, "Hello").innerText()).not.toContain("**");
    expect(await row(admin.page, "Hello").innerText()).toMatch(/1\s*unread/);
    await expect.poll(() => admin.page.title()).toBe("(1) Inbox · Demo workspace");
    // Live over the WebSocket: no HTTP query was made while waiting for the message.
    expect(admin.convexRequests.slice(before[0]).filter((path) => path.startsWith("/api/query"))).toEqual([]);
    expect(agent.convexRequests.slice(before[1]).filter((path) => path.startsWith("/api/query"))).toEqual([]);
    expect(await axeViolations(admin.page)).toEqual([]);
  });

  it("lets the agent assign it to herself, and the admin sees the assignment", async () => {
    await row(agent.page, "Hello").click();
    await shows(log(agent.page));
    // The log shows before its messages arrive over the socket.
    await expect.poll(() => log(agent.page).innerText(), { timeout: 10_000 }).toContain("need");
    expect(await log(agent.page).locator("strong").innerText()).toBe("need");
    const sidebar = agent.page.getByRole("complementary");
    await expect.poll(() => sidebar.innerText(), { timeout: 10_000 }).toContain("basic.html");
    expect(await sidebar.innerText()).toMatch(/Anonymous visitor[\s\S]*Previous conversations/);
    await agent.page.getByRole("button", { name: "Assign to me" }).click();
    await expect.poll(() => row(admin.page, "Hello").innerText(), { timeout: 10_000 }).toContain("Assigned to Alan Agent");
    await agent.page.getByRole("button", { name: "Mine" }).click();
    await shows(row(agent.page, "Hello"));
    expect(await axeViolations(agent.page)).toEqual([]);
  });

  it("keeps an internal note from the visitor, and delivers a reply with Enter", async () => {
    await agent.page.getByRole("button", { name: "Internal note" }).click();
    await agent.page.getByRole("textbox", { name: "Note" }).fill("Customer since 2019, be generous");
    await agent.page.getByRole("button", { name: "Add note" }).click();
    await expect.poll(() => log(agent.page).innerText(), { timeout: 10_000 }).toContain("Customer since 2019");

    await row(admin.page, "Hello").click();
    await expect.poll(() => log(admin.page).innerText(), { timeout: 10_000 }).toContain("Customer since 2019");

    await agent.page.getByRole("button", { name: "Reply to visitor" }).click();
    const reply = agent.page.getByRole("textbox", { name: "Reply" });
    await reply.fill("Sure! Which order?");
    await reply.press("Shift+Enter");
    await reply.pressSequentially("It starts with #");
    await reply.press("Enter");
    const visitorLog = visitor.page.getByRole("log");
    await expect.poll(() => visitorLog.innerText(), { timeout: 10_000 }).toContain("Which order?");
    expect(await visitorLog.innerText()).toContain("It starts with #");
    expect(await visitor.page.content()).not.toContain("Customer since 2019");
    // Nor did it ever travel to the visitor's browser: the socket carried the reply, not the note.
    expect(visitor.socketFrames.some((frame) => frame.includes("Which order?"))).toBe(true);
    expect(visitor.socketFrames.filter((frame) => frame.includes("Customer since 2019"))).toEqual([]);
    // The visitor read it: the agent sees "Seen".
    await expect.poll(() => log(agent.page).innerText(), { timeout: 10_000 }).toContain("Seen");
  });

  it("carries attachments both ways, and shows each side that the other has seen", async () => {
    // The agent has the conversation open: the visitor's message is read at once, and says so.
    await visitor.page.locator("input[type=file]").setInputFiles({ name: "parcel.png", mimeType: "image/png", buffer: PNG });
    await expect.poll(() => visitor.page.getByText("Uploading…").count(), { timeout: 10_000 }).toBe(0);
    await visitor.page.getByRole("button", { name: "Send", exact: true }).click();
    const image = log(agent.page).getByRole("img", { name: "parcel.png" });
    await shows(image);
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBe(1);
    await shows(visitor.page.getByRole("log").getByText("Seen", { exact: true }));

    await agent.page.getByLabel("Attach files").setInputFiles({ name: "shipping label.pdf", mimeType: "application/pdf", buffer: PDF });
    await shows(agent.page.getByRole("list", { name: "Files to send" }).getByText("Ready"));
    expect(await axeViolations(agent.page)).toEqual([]);
    await agent.page.getByRole("button", { name: "Send", exact: true }).click();
    const link = visitor.page.getByRole("log").getByRole("link", { name: /shipping label\.pdf/ });
    await shows(link);
    await expect.poll(() => log(admin.page).getByRole("link", { name: /shipping label\.pdf/ }).count(), { timeout: 10_000 }).toBe(1);
    // Served by the attachment action with its headers: a download, typed by its bytes.
    const download = await fetch((await link.getAttribute("href"))!);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''shipping%20label.pdf");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    await expect.poll(() => log(agent.page).innerText(), { timeout: 10_000 }).toMatch(/shipping label\.pdf[\s\S]*Seen/);
  });

  it("shows typing both ways", async () => {
    await visitor.page.getByRole("textbox", { name: "Message" }).pressSequentially("My order is", { delay: 30 });
    await expect.poll(() => agent.page.getByText(/is typing…/).count(), { timeout: 10_000 }).toBe(1);
    await agent.page.getByRole("textbox", { name: "Reply" }).pressSequentially("Looking", { delay: 30 });
    await expect.poll(() => visitor.page.getByText(/is typing…/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("closes and reopens; the admin's Closed filter follows live", async () => {
    const visitorName = await agent.page.locator("#conversation-heading").innerText();
    await agent.page.getByRole("button", { name: "Close", exact: true }).click();
    await admin.page.getByRole("button", { name: "Closed" }).click();
    await shows(row(admin.page, visitorName));
    await agent.page.getByRole("button", { name: "Reopen" }).click();
    await expect.poll(() => row(admin.page, visitorName).count(), { timeout: 10_000 }).toBe(0);
    await admin.page.getByRole("button", { name: "Open", exact: true }).click();
    await shows(row(admin.page, visitorName));
  });

  it("works from the keyboard: j opens the next conversation, ? lists the shortcuts", async () => {
    await admin.page.goto(`${inbox.url}/#/chats`);
    await shows(conversations(admin.page));
    await admin.page.keyboard.press("j");
    await shows(log(admin.page));
    await admin.page.keyboard.press("?");
    const sheet = admin.page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await shows(sheet);
    expect(await sheet.innerText()).toContain("Assign to me");
    expect(await axeViolations(admin.page)).toEqual([]);
    await admin.page.keyboard.press("Escape");
    await expect.poll(() => sheet.isVisible()).toBe(false);
    await admin.page.keyboard.press("r");
    expect(await admin.page.evaluate(() => document.activeElement?.id)).toBe("composer-text");
  });

  it("finds the visitor among the contacts, with their conversation", async () => {
    const visitorName = await agent.page.locator("#conversation-heading").innerText();
    await admin.page.getByRole("navigation", { name: "Inbox sections" }).getByRole("link", { name: "Contacts" }).click();
    await admin.page.getByRole("searchbox", { name: "Search contacts" }).fill(visitorName.split(" ")[0]!);
    const person = admin.page.getByRole("list", { name: "People" }).getByRole("button", { name: new RegExp(visitorName) });
    await shows(person);
    await person.click();
    await shows(admin.page.getByRole("heading", { name: visitorName }));
    expect(await axeViolations(admin.page)).toEqual([]);
    await admin.page.getByRole("link", { name: /shipping label\.pdf/ }).click();
    await shows(admin.page.getByRole("log"));
  });

  it("lets the admin create an invite link, and a new agent join with it", async () => {
    await admin.page.getByRole("navigation", { name: "Inbox sections" }).getByRole("link", { name: "Settings" }).click();
    await admin.page.getByRole("navigation", { name: "Settings pages" }).getByRole("link", { name: "Members" }).click();
    await admin.page.getByRole("textbox", { name: "Teammate's email" }).fill("grace@example.com");
    await admin.page.getByRole("button", { name: "Create invite link" }).click();
    const linkBox = admin.page.getByRole("textbox", { name: /Invite link/ });
    await shows(linkBox);
    expect(await axeViolations(admin.page)).toEqual([]);
    const link = await linkBox.inputValue();

    const page = await (await browser.newContext()).newPage();
    await page.goto(link);
    await shows(page.getByRole("heading", { name: "Join Demo workspace" }));
    await page.getByRole("textbox", { name: "Your name" }).fill("Grace");
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await shows(page.getByRole("list", { name: "Conversations" }), 20_000);
    await expect.poll(() => admin.page.getByRole("table").innerText(), { timeout: 10_000 }).toContain("grace@example.com");
    await page.context().close();
    expect([...admin.pageErrors, ...agent.pageErrors]).toEqual([]);
  });

  it("signs out everywhere: every tab of that operator returns to sign-in", async () => {
    const otherDevice = await signedIn(operators()[1]!);
    const second = await agent.context.newPage();
    await second.goto(`${inbox.url}/#/settings`);
    await second.getByRole("button", { name: "Sign out everywhere" }).click();
    for (const page of [second, agent.page, otherDevice.page]) await shows(page.getByRole("button", { name: "Sign in" }));
    await otherDevice.context.close();
    expect(await admin.page.getByRole("navigation", { name: "Inbox sections" }).isVisible()).toBe(true);
  });
});
