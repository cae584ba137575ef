// The chat gateway end to end: the real example service (examples/gateway-service) on a free
// loopback port talks to the local backend through a gateway an admin set up in the inbox's
// Settings; an operator answers in the inbox; every call the service receives is signed and
// verified by it before it keeps it (it answers 401 otherwise).
import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { freePort } from "../support/backend-process";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";
import { shows } from "./support/messenger";
import { buildInbox } from "./support/operator";
import { startStack, type Stack } from "./support/stack";

const ROOT = resolve(import.meta.dirname, "../..");

type Operator = { email: string; password: string; role: "admin" | "agent" };
type ServiceEvent = { verified: boolean; body: { message?: Record<string, any>; close?: { chatId: string }; broadcast?: Record<string, any> } };

let stack: Stack;
let browser: Browser;
let inbox: StaticSite;
let page: Page;
let service: ChildProcess | undefined;
let servicePort: number;

beforeAll(async () => {
  // The backend first and alone: on a loaded machine its seed competes badly with a build.
  stack = await startStack();
  const [launched, port, inboxDir] = await Promise.all([
    launchChromium(),
    freePort(),
    buildInbox(),
  ]);
  browser = launched;
  servicePort = port;
  inbox = await serveStatic([inboxDir], { CONVEX_URL: stack.demo.convexUrl });
  const admin = (stack.demo as unknown as { operators: Operator[] }).operators.find((operator) => operator.role === "admin")!;
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${inbox.url}/`);
  await page.getByRole("textbox", { name: "Email" }).fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Inbox sections" }).waitFor({ timeout: 20_000 });
}, 180_000);

afterAll(async () => {
  service?.kill();
  await browser?.close();
  await inbox?.close();
  await stack?.close();
});

const serviceUrl = (path: string) => `http://127.0.0.1:${servicePort}${path}`;
const events = async (): Promise<ServiceEvent[]> => (await (await fetch(serviceUrl("/events"))).json()) as ServiceEvent[];
const messages = async () => (await events()).map((event) => event.body.message).filter((message) => message !== undefined);

async function startService(uri: string, secret: string): Promise<void> {
  service = spawn(process.execPath, [join(ROOT, "examples/gateway-service/server.mjs")], {
    env: { ...process.env, OPENCOM_GATEWAY_PORT: String(servicePort), OPENCOM_GATEWAY_URI: uri, OPENCOM_GATEWAY_SECRET: secret },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((ready, fail) => {
    service!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("example gateway service on") && ready());
    service!.on("exit", (code) => fail(new Error(`the gateway service exited (${code})`)));
  });
}

it("an admin sets the gateway up in Settings; the service's message opens a conversation that shows its platform", async () => {
  await page.goto(`${inbox.url}/#/settings/gateways`);
  await page.getByRole("button", { name: "New gateway" }).click();
  const form = page.getByRole("form", { name: "New gateway" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("Telegram bridge");
  await form.getByRole("textbox", { name: "Callback URL" }).fill(serviceUrl("/callback"));
  await form.getByRole("textbox", { name: "Agent joined message" }).fill("{{agent.name}} joined, hi {{visitor.name}}");
  await form.getByRole("textbox", { name: "Chat complete message" }).fill("Bye {{visitor.name}}, from {{agent.name}} on {{visitor.platform}}");
  expect(await form.getByText("changing the app secret interrupts the integration").count()).toBe(1);
  await form.getByRole("button", { name: "Save gateway" }).click();
  const saved = page.getByRole("form", { name: "Gateway Telegram bridge" });
  await shows(saved.getByRole("textbox", { name: "URI", exact: true }));
  const uri = await saved.getByRole("textbox", { name: "URI", exact: true }).inputValue();
  const secret = await saved.getByRole("textbox", { name: "App secret", exact: true }).inputValue();
  expect(uri).toMatch(new RegExp(`^${stack.demo.siteUrl}/gateway/[A-Za-z0-9_-]{43}$`));
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await startService(uri, secret);

  const sent = await fetch(serviceUrl("/send"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ chatId: "tg-42", text: "Hello from Telegram", sender: { id: "tg-user-42", type: "telegram", name: "Ann <Smith>", nickname: "ann" }, metadata: { plan: "gold" } }),
  });
  expect(await sent.json()).toEqual({ success: true });

  await page.getByRole("link", { name: "Chats" }).click();
  const row = page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: "Hello from Telegram" });
  await shows(row);
  expect(await row.innerText()).toContain("telegram");
  await row.click();
  const sidebar = page.getByRole("complementary");
  await expect.poll(() => sidebar.innerText(), { timeout: 10_000 }).toContain("From telegram");
  expect(await sidebar.innerText()).toMatch(/plan\s+gold/);
}, 120_000);

it("the operator joins and answers; the service receives both signed, the template filled", async () => {
  await page.getByRole("button", { name: "Assign to me" }).click();
  await page.getByRole("button", { name: "Reply to visitor" }).click();
  const reply = page.getByRole("textbox", { name: "Reply" });
  await reply.fill("Hi Ann, how can I help?");
  await reply.press("Enter");
  await expect.poll(async () => (await messages()).length, { timeout: 15_000 }).toBe(2);
  const [joined, answer] = await messages();
  const agentName = (await page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: "Assigned to" }).innerText()).match(/Assigned to (.+)/)?.[1]?.trim();
  expect(agentName).toBeTruthy();
  expect(joined).toMatchObject({ chatId: "tg-42", event: "agent_joined", text: `${agentName} joined, hi Ann &lt;Smith&gt;` });
  expect(answer).toMatchObject({ chatId: "tg-42", text: "Hi Ann, how can I help?", sender: { type: "agent", name: agentName } });
  expect((await events()).every((event) => event.verified)).toBe(true);
  // The service keeps only what verifies: a forged call is refused and not kept.
  const forged = await fetch(serviceUrl("/callback"), { method: "POST", headers: { "X-Opencom-Sign": "0".repeat(64) }, body: JSON.stringify({ close: { chatId: "tg-42" } }) });
  expect(forged.status).toBe(401);
  expect(await events()).toHaveLength(2);
}, 60_000);

it("closing sends the chat complete template, then close", async () => {
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect.poll(async () => (await events()).length, { timeout: 15_000 }).toBe(4);
  const [, , complete, close] = await events();
  expect(complete?.body.message).toMatchObject({ event: "chat_complete", text: expect.stringMatching(/^Bye Ann &lt;Smith&gt;, from .+ on telegram$/) });
  expect(close?.body).toEqual({ close: { chatId: "tg-42" } });
}, 60_000);

it("a broadcast with one failing recipient is reported per recipient", async () => {
  await page.goto(`${inbox.url}/#/settings/gateways`);
  await page.getByRole("textbox", { name: /Recipients/ }).fill("telegram:ok-1\ntelegram:blocked-2");
  await page.getByRole("textbox", { name: "Broadcast message" }).fill("We open at 9 tomorrow");
  await page.getByRole("button", { name: "Send broadcast" }).click();
  const recipients = page.getByRole("list", { name: "Recipients of We open at 9 tomorrow" });
  await expect.poll(() => recipients.innerText().catch(() => ""), { timeout: 15_000 }).toContain("telegram:blocked-2 — failed: bot was blocked by the user");
  expect(await recipients.innerText()).toContain("telegram:ok-1 — sent");
  const broadcast = (await events()).find((event) => event.body.broadcast !== undefined)?.body.broadcast;
  expect(broadcast).toMatchObject({ text: "We open at 9 tomorrow", recipients: [{ id: "ok-1", type: "telegram" }, { id: "blocked-2", type: "telegram" }] });
  expect(broadcast?.["eventId"]).toEqual(expect.any(String));
}, 60_000);
