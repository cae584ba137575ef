// Opens a test page in a fresh browser context (its own localStorage: a new visitor) with
// traps that record what must never happen: dialogs, injected script runs, CSP violations,
// uncaught page errors; and every WebSocket frame the page receives (what reached the visitor).
import type { Browser, BrowserContext, Page } from "playwright-core";

export interface VisitorPage {
  context: BrowserContext;
  page: Page;
  dialogs: string[];
  pageErrors: string[];
  /** Text of every WebSocket frame the page received, in order. */
  socketFrames: string[];
  cspViolations: () => Promise<string[]>;
  xssRuns: () => Promise<unknown[]>;
}

export async function openVisitor(browser: Browser, url: string, options: { viewport?: { width: number; height: number } } = {}): Promise<VisitorPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const socketFrames: string[] = [];
  page.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => socketFrames.push(String(payload))));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __xssRuns: unknown[]; __xss: (name: unknown) => void };
    w.__violations = [];
    w.__xssRuns = [];
    w.__xss = (name) => w.__xssRuns.push(name);
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  return {
    context,
    page,
    dialogs,
    pageErrors,
    socketFrames,
    cspViolations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    xssRuns: () => page.evaluate(() => (window as unknown as { __xssRuns: unknown[] }).__xssRuns),
  };
}
