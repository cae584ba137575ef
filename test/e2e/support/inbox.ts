// The operator inbox in a browser test: the production build served on its own origin, and
// an operator signed in through the real sign-in form.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { serveStatic, type StaticSite } from "../../support/static-server";
import { shows } from "./messenger";
import type { Stack } from "./stack";

const ROOT = resolve(import.meta.dirname, "../../..");

export type Operator = { email: string; password: string; role: "admin" | "agent" };
export type OperatorPage = { context: BrowserContext; page: Page; pageErrors: string[] };

/** Builds the inbox and serves it pointing at the stack's backend. */
export async function serveInbox(convexUrl: string): Promise<StaticSite> {
  const outDir = mkdtempSync(join(tmpdir(), "opencom-inbox-"));
  await build({ configFile: join(ROOT, "inbox/vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return await serveStatic([outDir], { CONVEX_URL: convexUrl });
}

export function demoOperators(stack: Stack): Operator[] {
  return (stack.demo as unknown as { operators: Operator[] }).operators;
}

/**
 * A fresh browser context signed in as `operator`. `beforeSignIn` runs on the context first
 * (a test installs the browser's clock control there, before any page script runs).
 */
export async function signInOperator(
  browser: Browser,
  inboxUrl: string,
  operator: Operator,
  options: { viewport?: { width: number; height: number }; beforeSignIn?: (context: BrowserContext) => Promise<void> } = {},
): Promise<OperatorPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  await options.beforeSignIn?.(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${inboxUrl}/`);
  await page.getByRole("textbox", { name: "Email" }).fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await shows(page.getByRole("navigation", { name: "Inbox sections" }));
  return { context, page, pageErrors };
}
