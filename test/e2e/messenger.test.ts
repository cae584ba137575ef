// A visitor and an agent, end to end: the built widget on a page, the local backend, the REST
// admin API. Issue "Widget core".
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { openVisitor, type VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let browser: Browser;
const opened: VisitorPage[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  await Promise.all(opened.map((v) => v.context.close()));
  await browser?.close();
  await stack?.close();
});

async function visit(path = "/basic.html", options: Parameters<typeof openVisitor>[2] = {}): Promise<VisitorPage> {
  const visitor = await openVisitor(browser, `${stack.site.url}${path}`, options);
  opened.push(visitor);
  return visitor;
}

const launcher = (page: Page) => page.getByRole("button", { name: /messenger/i }).first();
const composer = (page: Page) => page.getByRole("textbox", { name: "Message" });
const history = (page: Page) => page.getByRole("log");

async function openMessenger(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Open messenger" }).click();
  await expect.poll(() => page.getByRole("button", { name: "Close messenger" }).isVisible(), { timeout: 10_000 }).toBe(true);
}

/** Opens the messenger on a new conversation's composer. */
async function openComposer(page: Page): Promise<void> {
  await openMessenger(page);
  await page.getByRole("button", { name: /new conversation/i }).click();
  await expect.poll(() => composer(page).isVisible().catch(() => false), { timeout: 10_000 }).toBe(true);
}

async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

async function startConversation(page: Page, text: string) {
  await openComposer(page);
  await send(page, text);
  await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain(text);
  return stack.agent.conversationWith(text);
}

describe("messenger, as a visitor and an agent", () => {
  it("keeps the open panel below a host page's fixed top bar on a short viewport", async () => {
    const { page } = await visit("/top-bar.html");
    for (const height of [760, 600]) {
      await page.setViewportSize({ width: 1280, height });
      await openMessenger(page);
      const panel = await page.locator(".oc-panel").boundingBox();
      expect(panel?.y).toBeGreaterThanOrEqual(72);
      expect((panel?.y ?? 0) + (panel?.height ?? 0)).toBeLessThanOrEqual(height);
      await page.getByRole("button", { name: "Close messenger" }).click();
    }
  });

  it("lets a visitor open the messenger and send a message the agent receives", async () => {
    const { page } = await visit();
    const conversation = await startConversation(page, "Hello from the e2e visitor");
    const messages = await stack.agent.messages(conversation.id);
    expect(messages).toEqual([expect.objectContaining({ body: "Hello from the e2e visitor", senderType: "visitor" })]);
  });

  it("shows the agent's REST reply live, without a reload", async () => {
    const { page } = await visit();
    const conversation = await startConversation(page, "Is anyone there?");
    await stack.agent.reply(conversation.id, "Yes! Ada here, how can I help?");
    await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain("Yes! Ada here, how can I help?");
    await expect.poll(() => history(page).innerText()).toContain("Ada from Support");
  });

  it("counts replies on the launcher badge while closed and clears it on open", async () => {
    const { page } = await visit();
    const conversation = await startConversation(page, "Ping me when you reply");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("button", { name: "Open messenger" }).isVisible()).toBe(true);
    await stack.agent.reply(conversation.id, "First reply");
    await stack.agent.reply(conversation.id, "Second reply");
    await expect.poll(() => launcher(page).innerText(), { timeout: 10_000 }).toContain("2");
    await openMessenger(page);
    if (!(await history(page).isVisible().catch(() => false))) await page.getByText("Second reply").first().click({ timeout: 10_000 });
    await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain("Second reply");
    await page.keyboard.press("Escape");
    await expect.poll(() => launcher(page).innerText(), { timeout: 10_000 }).not.toMatch(/\d/);
  });

  it("keeps the conversation across a page reload", async () => {
    const { page } = await visit();
    await startConversation(page, "Remember me after a reload");
    await page.reload();
    await openMessenger(page);
    await page.getByText("Remember me after a reload").first().click({ timeout: 10_000 });
    await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain("Remember me after a reload");
  });

  it("delivers a message written while the backend is down exactly once when it returns", async () => {
    const { page } = await visit();
    const conversation = await startConversation(page, "Before the outage");
    await stack.backend.stop();
    await send(page, "Written during the outage");
    await expect.poll(() => history(page).innerText()).toContain("Written during the outage");
    await stack.backend.start();
    await expect
      .poll(async () => (await stack.agent.messages(conversation.id)).filter((m) => m.body === "Written during the outage").length, { timeout: 30_000 })
      .toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    const bodies = (await stack.agent.messages(conversation.id)).map((m) => m.body);
    expect(bodies.filter((b) => b === "Written during the outage")).toHaveLength(1);
    expect(bodies).toEqual(["Before the outage", "Written during the outage"]);
    await expect.poll(async () => (await history(page).innerText()).split("Written during the outage").length - 1).toBe(1);
  });

  it("shows markup in an agent reply as text and never runs it", async () => {
    const visitor = await visit();
    const conversation = await startConversation(visitor.page, "Send me something nasty");
    const nasty = `<img src=x onerror="window.__xss('img')"><script>window.__xss('script')</script><b>bold?</b>`;
    await stack.agent.reply(conversation.id, nasty);
    // Bodies are markdown now (the `__` pairs read as bold markers); the markup stays text.
    await expect.poll(() => history(visitor.page).innerText(), { timeout: 10_000 }).toContain("('script')</script><b>bold?</b>");
    expect(await visitor.xssRuns()).toEqual([]);
    expect(visitor.dialogs).toEqual([]);
    expect(await history(visitor.page).locator("img, script, b").count()).toBe(0);
  });

  it("has no axe violations with a conversation open", async () => {
    const { page } = await visit();
    const conversation = await startConversation(page, "Checking accessibility");
    await stack.agent.reply(conversation.id, "Accessible reply");
    await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain("Accessible reply");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

describe("on a hostile page", () => {
  it("works under `* { all: unset !important }`, hidden divs and buttons, and a strict CSP, with no violation", async () => {
    const backend = new URL(stack.demo.convexUrl);
    stack.site.setHeaders("/hostile.html", {
      "content-security-policy": `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://${backend.host} ws://${backend.host}`,
    });
    const visitor = await visit("/hostile.html");
    const { page } = visitor;
    const openButton = page.getByRole("button", { name: "Open messenger" });
    await expect.poll(() => openButton.isVisible(), { timeout: 10_000 }).toBe(true);
    const box = await openButton.boundingBox();
    expect(box?.width).toBeGreaterThan(30);
    await startConversation(page, "Hello from a hostile page");
    await expect.poll(() => history(page).isVisible()).toBe(true);
    expect(await visitor.cspViolations()).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
  });
});
