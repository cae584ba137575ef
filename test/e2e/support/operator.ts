// Operators in Chromium: the inbox built and served on an origin of its own, and a
// demo operator signed in through its form.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { serveStatic, type StaticSite } from "../../support/static-server";
import { shows } from "./messenger";
import type { Stack } from "./stack";

const ROOT = resolve(import.meta.dirname, "../../..");

export type DemoOperator = { email: string; password: string; role: "admin" | "agent" };
export type OperatorPage = { context: BrowserContext; page: Page; pageErrors: string[]; consoleWarnings: string[] };

export function demoOperators(stack: Stack): DemoOperator[] {
  return (stack.demo as unknown as { operators: DemoOperator[] }).operators;
}

/** Builds the inbox into a temporary folder; resolves with that folder (to serve with serveStatic). */
export async function buildInbox(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "opencom-inbox-"));
  await build({ configFile: join(ROOT, "inbox/vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Builds the inbox and serves it, pointed at the stack's backend. */
export async function serveInbox(stack: Stack): Promise<StaticSite> {
  return await serveStatic([await buildInbox()], { CONVEX_URL: stack.demo.convexUrl });
}

export async function signInOperator(browser: Browser, inboxUrl: string, operator: DemoOperator, viewport = { width: 1280, height: 800 }): Promise<OperatorPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleWarnings: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => message.type() === "warning" && consoleWarnings.push(message.text()));
  await page.goto(`${inboxUrl}/`);
  await page.getByRole("textbox", { name: "Email" }).fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await shows(page.getByRole("navigation", { name: "Inbox sections" }));
  return { context, page, pageErrors, consoleWarnings };
}
