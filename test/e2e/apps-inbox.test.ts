// Custom apps in the real inbox: an admin registers the reply drafter in Settings, the
// Chats screen frames it on its own origin (a *.localhost name, loopback), it hears the
// selected chat and what is sent, and its actions fill the reply box and send a reply the
// visitor receives. Disabling it takes it off every operator's screen live.
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";
import { axeViolations, callWidget, hides, shows } from "./support/messenger";
import { demoOperators, serveInbox, signInOperator, type OperatorPage } from "./support/operator";
import { openVisitor, type VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

const ROOT = resolve(import.meta.dirname, "../..");

let stack: Stack;
let browser: Browser;
let inbox: StaticSite;
let apps: StaticSite;
let admin: OperatorPage;
let agent: OperatorPage;
let visitor: VisitorPage;
let drafterOrigin: string;

beforeAll(async () => {
  [stack, browser, apps] = await Promise.all([startStack(), launchChromium(), serveStatic([resolve(ROOT, "examples/apps")], {})]);
  inbox = await serveInbox(stack);
  drafterOrigin = `http://drafter.localhost:${new URL(apps.url).port}`;
});

afterAll(async () => {
  for (const operator of [admin, agent]) await operator?.context.close();
  await visitor?.context.close();
  await browser?.close();
  await Promise.all([inbox?.close(), apps?.close()]);
  await stack?.close();
});

const frameOn = (page: Page, origin: string): Frame | undefined => page.frames().find((frame) => frame.url().startsWith(`${origin}/`));
const drafterFrame = (page: Page) => frameOn(page, drafterOrigin);

async function openFirstConversation(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Inbox sections" }).getByRole("link", { name: "Chats" }).click();
  await page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: /parcel|shipped/ }).click();
  await shows(page.getByRole("log"));
}

describe("custom apps in the inbox", () => {
  it("lets an admin register an app in Settings, refusing a URL outside its origins at the field", async () => {
    const [adminAccount, agentAccount] = demoOperators(stack);
    [admin, agent] = await Promise.all([signInOperator(browser, inbox.url, adminAccount!), signInOperator(browser, inbox.url, agentAccount!)]);
    await admin.page.goto(`${inbox.url}/#/settings/apps`);
    const form = admin.page.getByRole("region", { name: "Add an app" });
    await form.getByRole("textbox", { name: "App name" }).fill("Reply drafter");
    await form.getByRole("textbox", { name: "App URL" }).fill("http://elsewhere.localhost:9/reply-drafter/");
    await form.getByRole("textbox", { name: /Allowed origins/ }).fill(drafterOrigin);
    await form.getByRole("checkbox", { name: "Chats" }).check();
    await form.getByRole("button", { name: "Add app" }).click();
    await shows(form.getByRole("alert"));
    expect(await form.getByRole("alert").innerText()).toMatch(/^url /);
    expect(await form.getByRole("textbox", { name: "App URL" }).getAttribute("aria-describedby")).toBe("app-url-error");

    await form.getByRole("textbox", { name: "App URL" }).fill(`${drafterOrigin}/reply-drafter/`);
    await form.getByRole("button", { name: "Add app" }).click();
    await shows(admin.page.getByRole("table").getByRole("row", { name: /Reply drafter/ }));
    expect(await axeViolations(admin.page)).toEqual([]);
    // Agents do not manage apps: the page is not in their Settings.
    await agent.page.goto(`${inbox.url}/#/settings`);
    await shows(agent.page.getByRole("navigation", { name: "Settings pages" }).getByRole("link", { name: "Members" }));
    expect(await agent.page.getByRole("navigation", { name: "Settings pages" }).getByRole("link", { name: "Apps" }).count()).toBe(0);
  });

  it("frames the app beside the open chat; it hears the selection, fills the reply box and sends", async () => {
    visitor = await openVisitor(browser, `${stack.site.url}/basic.html`);
    await visitor.page.getByRole("button", { name: "Open messenger" }).click();
    await visitor.page.getByRole("button", { name: /new conversation/i }).click();
    await visitor.page.getByRole("textbox", { name: "Message" }).fill("Where is my parcel?");
    await visitor.page.getByRole("button", { name: "Send", exact: true }).click();

    await openFirstConversation(admin.page);
    const frameElement = admin.page.locator('iframe[title="Reply drafter"]');
    await shows(frameElement);
    expect(await frameElement.getAttribute("sandbox")).toBe("allow-scripts allow-forms allow-same-origin");
    expect(new URL((await frameElement.getAttribute("src"))!).searchParams.get("opencomToken")).toMatch(/^ey/);
    await expect.poll(() => drafterFrame(admin.page)?.locator("#customer").innerText() ?? "", { timeout: 15_000 }).toMatch(/^Replying to .+ \(WEBCHAT\)\.$/);
    const visitorName = await admin.page.locator("#conversation-heading").innerText();
    expect(await drafterFrame(admin.page)!.locator("#customer").innerText()).toBe(`Replying to ${visitorName} (WEBCHAT).`);

    const app = drafterFrame(admin.page)!;
    await app.getByRole("button", { name: "Put in reply box" }).click();
    await expect.poll(() => admin.page.getByRole("textbox", { name: "Reply" }).inputValue()).toBe(`Hi ${visitorName}, thanks for reaching out! How can I help today?`);
    await expect.poll(() => app.getByRole("status").innerText()).toBe("The draft is in the reply box.");

    await app.getByRole("combobox", { name: "Template" }).selectOption("shipping");
    await app.getByRole("button", { name: "Send now" }).click();
    await shows(visitor.page.getByText("good news: your order has shipped", { exact: false }));
    await expect.poll(() => app.getByRole("status").innerText()).toMatch(/^A text message went to /);
    expect(admin.pageErrors).toEqual([]);
    expect(admin.consoleWarnings.filter((text) => text.includes("Reply drafter"))).toEqual([]);
  });

  it("takes the app off every operator's Chats screen when an admin disables it", async () => {
    await openFirstConversation(agent.page);
    await shows(agent.page.locator('iframe[title="Reply drafter"]'), 15_000);
    await admin.page.goto(`${inbox.url}/#/settings/apps`);
    await admin.page.getByRole("checkbox", { name: "Reply drafter enabled" }).uncheck();
    await hides(agent.page.locator('iframe[title="Reply drafter"]'));
    expect(agent.pageErrors).toEqual([]);
  });

  it("shows companies in Contacts, and tells a Contacts app which company is selected", async () => {
    const notesOrigin = `http://notes.localhost:${new URL(apps.url).port}`;
    const registered = await fetch(`${stack.demo.siteUrl}/api/v1/apps`, {
      method: "POST",
      headers: { Authorization: `Bearer ${stack.demo.adminApiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Account notes", url: `${notesOrigin}/account-notes/`, allowedOrigins: [notesOrigin], screens: ["CONTACTS"] }),
    });
    expect(registered.status).toBe(201);
    await callWidget(visitor.page, "identify", { userId: "ada-1", name: "Ada Lovelace", company: { id: "co_acme", name: "Acme Corp", plan: "pro", size: 120 } });

    await admin.page.getByRole("navigation", { name: "Inbox sections" }).getByRole("link", { name: "Contacts" }).click();
    await admin.page.getByRole("group", { name: "Show" }).getByRole("button", { name: "Companies" }).click();
    const company = admin.page.getByRole("list", { name: "Companies" }).getByRole("button", { name: /Acme Corp/ });
    await shows(company);
    await company.click();
    const details = admin.page.getByRole("region", { name: "Acme Corp" });
    await expect.poll(() => details.innerText()).toMatch(/Company id\s+co_acme[\s\S]*Plan\s+pro[\s\S]*Employees\s+120[\s\S]*Ada Lovelace/);
    await expect.poll(() => frameOn(admin.page, notesOrigin)?.locator("#company").innerText() ?? "", { timeout: 15_000 }).toBe("Company co_acme");
    const notes = frameOn(admin.page, notesOrigin)!;
    await notes.getByRole("textbox", { name: "Notes on this account" }).fill("Renewal in March");
    await expect.poll(() => notes.getByRole("status").innerText()).toMatch(/^Saved /);
    expect(await axeViolations(admin.page)).toEqual([]);
    expect(admin.pageErrors).toEqual([]);
  });

  it("runs an app written only from the vendor's guide on the Tickets screen: bmtoken, ticket events with SLA metrics, navigateToTicket", async () => {
    const seedOrigin = `http://seed.localhost:${new URL(apps.url).port}`;
    const registered = await fetch(`${stack.demo.siteUrl}/api/v1/apps`, {
      method: "POST",
      headers: { Authorization: `Bearer ${stack.demo.adminApiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Ticket SLA card", url: `${seedOrigin}/seed-widget/`, allowedOrigins: [seedOrigin], screens: ["TICKETS"], protocol: "bm-widget" }),
    });
    expect(registered.status).toBe(201);
    const page = admin.page;
    await page.getByRole("navigation", { name: "Inbox sections" }).getByRole("link", { name: "Tickets" }).click();
    const frame = page.locator('iframe[title="Ticket SLA card"]');
    await shows(frame, 15_000);
    expect(new URL((await frame.getAttribute("src"))!).searchParams.get("bmtoken")).toMatch(/^ey/);
    const card = () => frameOn(page, seedOrigin);
    await expect.poll(() => card()?.getByRole("button", { name: /^Open TK-\d+$/ }).count() ?? 0, { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await card()!.locator("#who").innerText()).toMatch(/^Signed in as admin@.+ · Ticket SLA card$/);

    const row = page.getByRole("list", { name: "Tickets" }).getByRole("link").filter({ hasText: "Can't reset my password" });
    const code = /TK-\d+/.exec(await row.innerText())![0];
    await row.click();
    await expect.poll(() => card()!.locator("#ticket").innerText(), { timeout: 10_000 }).toBe(`${code} · Can't reset my password · NEW · HIGH`);
    expect(await card()!.getByRole("table", { name: "SLA metrics" }).innerText()).toContain("TIME_TO_FIRST_RESPONSE");

    await page.getByRole("combobox", { name: "State", exact: true }).selectOption("in_progress");
    await expect.poll(() => card()!.getByRole("status").innerText(), { timeout: 10_000 }).toBe(`${code}: NEW → OPEN`);

    const other = card()!.getByRole("button", { name: /^Open TK-\d+$/ }).filter({ hasNotText: code }).first();
    const otherCode = ((await other.innerText()).split(" ")[1])!;
    await other.click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/tickets/${otherCode}`);
    await expect.poll(() => card()!.getByRole("status").innerText()).toMatch(/^Done \(req_/);
    await shows(page.getByRole("heading", { name: new RegExp(`^${otherCode} `) }));
    expect(page.url()).toContain(`#/tickets/${otherCode}`);
    expect(admin.pageErrors).toEqual([]);
  });
});
