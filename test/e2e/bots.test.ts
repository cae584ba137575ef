// A bot story end to end: the built widget in Chromium, the local backend, and a real bot
// server on a free loopback port. Issue "Bot stories and webhooks".
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { freePort } from "../support/backend-process";
import { openVisitor, type VisitorPage } from "./support/page";
import { startStack, type Stack } from "./support/stack";

const ASK = "11111111-1111-4111-8111-111111111111";
const CALL = "22222222-2222-4222-8222-222222222222";
const THANKS = "33333333-3333-4333-8333-333333333333";
const TEAM = "44444444-4444-4444-8444-444444444444";
const HANDOFF_NOTICE = "You're being connected with the team";

type Mode = "rich" | "404" | "timeout" | "invalid-json" | "invalid-response";

const RICH = {
  responses: [
    { type: "text", delay: 100, message: "Found your order **A-42**." },
    { type: "quickReplies", delay: 100, title: "Is it urgent?", buttons: [{ type: "postback", title: "Yes, urgent", value: "urgent" }, { type: "postback", title: "No", value: "calm" }] },
    {
      type: "cards",
      delay: 100,
      elements: [
        { title: "Parcel 1", subtitle: "In transit", imageUrl: "http://127.0.0.1:9/p1.png", buttons: [{ type: "url", title: "Track 1", value: "https://example.com/track/1" }] },
        { title: "Parcel 2", subtitle: "Delivered", imageUrl: "http://127.0.0.1:9/p2.png", buttons: [{ type: "phone", title: "Call courier", value: "+15555550100" }] },
      ],
    },
    { type: "buttons", delay: 100, title: "More options", buttons: [{ type: "webview", title: "Details", value: "https://example.com/details", height: "tall" }] },
  ],
  attributes: { vip: "yes" },
};

let stack: Stack;
let browser: Browser;
let botServer: Server;
let botUrl = "";
let mode: Mode = "rich";
let connectionId = "";
const opened: VisitorPage[] = [];

function startBotServer(port: number): Server {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.searchParams.get("token") !== "e2e-token") return void response.writeHead(401).end();
    if (request.method === "GET") return void response.writeHead(200).end(url.searchParams.get("challenge") ?? "");
    request.resume();
    request.on("end", () => {
      if (mode === "timeout") return; // never answers: the backend's timeout fires
      if (mode === "404") return void response.writeHead(404).end("no");
      const body =
        mode === "invalid-json"
          ? "{not json"
          : mode === "invalid-response"
            ? JSON.stringify({ responses: [{ type: "text", message: "ok" }, { type: "text", message: "ok" }, { type: "buttons", title: "T", buttons: [{ type: "postback", title: "x", value: "" }] }] })
            : JSON.stringify(RICH);
      response.writeHead(200, { "Content-Type": "application/json" }).end(body);
    });
  });
  server.listen(port, "127.0.0.1");
  return server;
}

async function rest(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${stack.demo.siteUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${stack.demo.adminApiKey}`, "Content-Type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  const port = await freePort();
  botServer = startBotServer(port);
  botUrl = `http://127.0.0.1:${port}/hook`;
  const policy = { bot: { timeoutMs: 400, maxAttempts: 2, backoffBaseMs: 10, backoffCapMs: 20, giveUpAfterMs: 3000 } };
  [stack, browser] = await Promise.all([startStack({ backendEnv: { OPENCOM_OUTGOING_POLICY: JSON.stringify(policy) } }), launchChromium()]);
  const placeholder = await rest("POST", "/bot/stories", { name: "Orders", startNodeId: TEAM, nodes: [{ id: TEAM, name: "Team", type: "HANDOFF" }] });
  const storyId: string = placeholder.json.data.id;
  const created = await rest("POST", "/integrations/webhook", { storyId, name: "Orders bot", url: botUrl, token: "e2e-token" });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  connectionId = created.json.id;
  const story = {
    name: "Orders",
    startNodeId: ASK,
    nodes: [
      { id: ASK, name: "Ask", type: "QUESTION", text: "What is your order number?", attribute: "order", next: CALL },
      { id: CALL, name: "Look up", type: "WEBHOOK", webhookId: connectionId, routes: [{ if: { attribute: "vip", equals: "yes" }, next: TEAM }], next: THANKS },
      { id: THANKS, name: "Thanks", type: "RESPONSES", responses: [{ type: "text", message: "Thanks!" }] },
      { id: TEAM, name: "VIP desk", type: "HANDOFF" },
    ],
  };
  expect((await rest("PUT", `/bot/stories/${storyId}`, story)).status).toBe(200);
  expect((await rest("PUT", "/bot/active-story", { storyId })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.map((v) => v.context.close()));
  await browser?.close();
  await stack?.close();
  botServer?.close();
});

const history = (page: Page) => page.getByRole("log");
const composer = (page: Page) => page.getByRole("textbox", { name: "Message" });

async function send(page: Page, text: string) {
  await composer(page).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

/** A new visitor who starts a conversation and answers the bot's question. */
async function visitorAnswering(): Promise<Page> {
  const visitor = await openVisitor(browser, `${stack.site.url}/basic.html`);
  opened.push(visitor);
  const { page } = visitor;
  await page.getByRole("button", { name: "Open messenger" }).click();
  await page.getByRole("button", { name: /new conversation/i }).click();
  await send(page, "Hello");
  await expect.poll(() => history(page).innerText(), { timeout: 15_000 }).toContain("What is your order number?");
  await expect.poll(() => page.getByRole("button", { name: "Talk to a person" }).isVisible()).toBe(true);
  await send(page, "A-42");
  return page;
}

describe("a bot story in the messenger", () => {
  it("asks, calls the webhook, plays text, quick replies, cards and buttons, routes on an attribute and hands off", async () => {
    mode = "rich";
    const page = await visitorAnswering();
    await expect.poll(() => history(page).innerText(), { timeout: 15_000 }).toContain("Found your order");
    const chips = page.getByRole("group", { name: "Quick replies" });
    await expect.poll(() => chips.getByRole("button").count(), { timeout: 10_000 }).toBe(2);
    const carousel = page.getByRole("region", { name: "Cards" });
    await expect.poll(() => carousel.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await carousel.innerText()).toContain("Parcel 1");
    const link = carousel.getByRole("link", { name: /Track 1/ });
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toContain("noopener");
    // Keyboard: the arrow keys while focus is in the carousel.
    await carousel.getByRole("button", { name: "Next card" }).focus();
    await page.keyboard.press("ArrowRight");

    await expect.poll(() => carousel.innerText()).toContain("Parcel 2");
    expect(await carousel.getByRole("link", { name: /Call courier/ }).getAttribute("href")).toBe("tel:+15555550100");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => carousel.innerText()).toContain("Parcel 1");
    // The webview opens a sandboxed sheet at its height.
    await page.getByRole("button", { name: "Details" }).click();
    const sheet = page.getByRole("dialog", { name: "Details" });
    await expect.poll(() => sheet.isVisible()).toBe(true);
    const frame = sheet.locator("iframe");
    expect(await frame.getAttribute("sandbox")).toBe("allow-scripts allow-forms allow-popups");
    expect(await sheet.getAttribute("class")).toContain("oc-webview-tall");
    await page.keyboard.press("Escape");
    await expect.poll(() => sheet.count()).toBe(0);
    // The quick reply answers (shown by its title); vip=yes routed to the hand-off.
    await chips.getByRole("button", { name: "Yes, urgent" }).click();
    await expect.poll(() => chips.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain(HANDOFF_NOTICE);
    expect(await history(page).innerText()).toContain("Yes, urgent");
    await expect.poll(() => page.getByRole("button", { name: "Talk to a person" }).count()).toBe(0);
    // Rich messages survive a reload.
    await page.reload();
    await page.getByRole("button", { name: "Open messenger" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Close messenger" }).isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByText(HANDOFF_NOTICE).first().click({ timeout: 10_000 });
    await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain("Found your order");
    await expect.poll(() => page.getByRole("region", { name: "Cards" }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByRole("group", { name: "Quick replies" }).count()).toBe(0);
    expect((await rest("GET", `/integrations/webhook/${connectionId}`)).json.error).toBeNull();
  }, 120_000);

  it.each([
    ["404", "Request failed with status code 404"],
    ["timeout", "Timed out after 400 ms"],
    ["invalid-json", "not valid JSON"],
    ["invalid-response", "responses[2].buttons[0].value"],
  ] as const)("hands off gracefully when the webhook answers %s, and the connection's error says why", async (failure, why) => {
    mode = failure;
    const page = await visitorAnswering();
    await expect.poll(() => history(page).innerText(), { timeout: 20_000 }).toContain(HANDOFF_NOTICE);
    expect(await history(page).innerText()).not.toContain("ok\n");
    const connection = await rest("GET", `/integrations/webhook/${connectionId}`);
    expect(connection.json.error).toContain(why);
  }, 120_000);
});
