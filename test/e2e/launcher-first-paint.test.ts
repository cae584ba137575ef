// The launcher's first paint in Chromium: a returning visitor's launcher appears in the
// workspace's colour and corner before the socket has delivered anything, and never shows
// another look on the way (no flash); a corrupt cache is ignored; a first visit paints at once
// from the defaults or the tag's hints, then takes the workspace's look.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { quietEngagement } from "./support/messenger";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const WORKSPACE_COLOUR = "rgb(190, 18, 60)"; // #be123c, set below

/**
 * Runs before the page's scripts: notes when the first WebSocket message arrives, and on
 * every frame the launcher's colour and side while it is on screen.
 */
const RECORD_FRAMES = `(() => {
  const log = { firstSocketMessageAt: null, frames: [] };
  window.__launcher = log;
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { if (log.firstSocketMessageAt === null) log.firstSocketMessageAt = performance.now(); });
    }
  };
  const frame = () => {
    const host = document.querySelector("opencom-widget");
    const button = host && host.shadowRoot && host.shadowRoot.querySelector(".oc-launcher");
    if (button && button.checkVisibility()) {
      const box = button.getBoundingClientRect();
      if (box.width > 0) log.frames.push({ at: performance.now(), colour: getComputedStyle(button).backgroundColor, side: box.left < innerWidth / 2 ? "left" : "right" });
    }
    if (log.frames.length < 600) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

type Frame = { at: number; colour: string; side: "left" | "right" };
type Log = { firstSocketMessageAt: number | null; frames: Frame[] };

async function rest(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ etag: string | null; json: any }> {
  const response = await fetch(`${stack.demo.siteUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${stack.demo.adminApiKey}`, "Content-Type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${method} ${path}`).toBe(true);
  return { etag: response.headers.get("ETag"), json: await response.json() };
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  await quietEngagement(stack);
  // The workspace's look: neither the default colour nor the default side.
  const list = await rest("GET", "/widget/configurations");
  const id: string = list.json.data.find((item: { isDefault: boolean }) => item.isDefault).id;
  const current = await rest("GET", `/widget/configurations/${id}`);
  await rest("PATCH", `/widget/configurations/${id}`, { theme: { primaryColor: "#be123c" }, layout: { position: "bottom-left" } }, { "If-Match": current.etag! });
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await stack?.close();
});

async function newVisitor(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.addInitScript(RECORD_FRAMES);
  return page;
}

/** Loads the page and waits until the workspace's look is on screen and has stayed so for 30 frames. */
async function load(page: Page, path = "basic.html"): Promise<Log> {
  await page.goto(`${stack.site.url}/${path}`);
  await expect
    .poll(async () => {
      const log = (await page.evaluate("window.__launcher")) as Log;
      const settled = log.frames.slice(-30);
      return settled.length === 30 && settled.every((frame) => frame.colour === WORKSPACE_COLOUR && frame.side === "left");
    }, { timeout: 20_000 })
    .toBe(true);
  return (await page.evaluate("window.__launcher")) as Log;
}

const looks = (log: Log) => [...new Set(log.frames.map((frame) => `${frame.colour} ${frame.side}`))];

describe("the launcher's first paint", () => {
  it("a returning visitor's launcher paints in the workspace's colour and side before any socket message, with no other look", async () => {
    const page = await newVisitor();
    await load(page); // the first visit stores the look
    const log = await load(page); // the same visitor comes back
    const first = log.frames[0]!;
    expect(log.firstSocketMessageAt === null || first.at < log.firstSocketMessageAt).toBe(true);
    expect(looks(log)).toEqual([`${WORKSPACE_COLOUR} left`]);
  });

  it("ignores a corrupt cache: the launcher paints as on a first visit, then takes the workspace's look", async () => {
    const page = await newVisitor();
    await load(page);
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage).filter((name) => name.endsWith(":settings"))) {
        const entry = JSON.parse(localStorage.getItem(key)!);
        entry.settings.primaryColor = "#be123c;}:host{display:none";
        localStorage.setItem(key, JSON.stringify(entry));
      }
    });
    const log = await load(page);
    expect(log.frames[0]).toMatchObject({ colour: "rgb(37, 99, 235)", side: "right" }); // the defaults, not the hostile value
    expect(looks(log).at(-1)).toBe(`${WORKSPACE_COLOUR} left`);
    // Boot wrote a good entry again: the next load paints right from the first frame.
    expect(looks(await load(page))).toEqual([`${WORKSPACE_COLOUR} left`]);
  });

  it("a first visit paints at once from the defaults, before any socket message, then takes the workspace's look", async () => {
    const page = await newVisitor();
    const log = await load(page);
    expect(log.firstSocketMessageAt === null || log.frames[0]!.at < log.firstSocketMessageAt).toBe(true);
    expect(log.frames[0]).toMatchObject({ colour: "rgb(37, 99, 235)", side: "right" });
    await page.getByRole("button", { name: "Open messenger" }).click();
    await page.getByRole("button", { name: "Close messenger" }).waitFor({ timeout: 15_000 });
  });

  it("a first visit whose tag carries the workspace's colour and side paints them from the first frame", async () => {
    const page = await newVisitor();
    const log = await load(page, "launcher-hints.html");
    // The tag's colour (#0f766e) shows until boot answers; its side is the workspace's from the first frame.
    expect(log.frames[0]).toMatchObject({ colour: "rgb(15, 118, 110)", side: "left" });
    expect(new Set(log.frames.map((frame) => frame.side))).toEqual(new Set(["left"]));
  });
});
